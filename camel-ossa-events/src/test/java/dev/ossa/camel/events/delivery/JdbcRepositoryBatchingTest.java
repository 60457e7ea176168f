package dev.ossa.camel.events.delivery;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import dev.ossa.camel.events.OssaEventsEndpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code aggregationRepository} with camel-sql's {@code JdbcAggregationRepository} on an H2 database in file mode:
 * batches go through the database and out to a real HTTP collector, and what the database still holds at start is
 * delivered and counted as recovered.
 */
class JdbcRepositoryBatchingTest {

    @TempDir
    Path directory;

    private JdbcDataSource dataSource;

    @BeforeEach
    void createTables() throws Exception {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("events") + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : List.of("ossa_batches", "ossa_batches_completed")) {
                statement.execute("CREATE TABLE " + table + " (id VARCHAR(255) NOT NULL, exchange BLOB NOT NULL,"
                                  + " version BIGINT NOT NULL, CONSTRAINT " + table + "_pk PRIMARY KEY (id))");
            }
        }
    }

    private JdbcAggregationRepository repository() {
        return new JdbcAggregationRepository(new DataSourceTransactionManager(dataSource), "ossa_batches", dataSource);
    }

    private static String endpoint(RecordingHttpSink sink) {
        return "ossa-events:dev.ossa.tool.called?source=/agents/planner&batchSize=100&flushInterval=200&mode=batch"
               + "&aggregationRepository=#eventsRepository&sink=" + sink.uri();
    }

    @Test
    void batchesGoThroughTheDatabaseToTheSinkAndLeaveItEmpty() throws Exception {
        try (RecordingHttpSink sink = RecordingHttpSink.start()) {
            CamelContext context = start(endpoint(sink), repository());
            List<String> sent = new ArrayList<>();
            try {
                ProducerTemplate template = context.createProducerTemplate();
                for (int i = 0; i < 250; i++) {
                    sent.add(template.request("direct:in", e -> e.getMessage().setBody("{\"n\":1}"))
                            .getMessage().getHeader("CamelCloudEventID", String.class));
                }
                sink.awaitAcceptedEvents(250, Duration.ofSeconds(30));
            } finally {
                context.stop();
            }
            assertEquals(sent, sink.acceptedIds());
            assertEquals(0, rows("ossa_batches") + rows("ossa_batches_completed"));
        }
    }

    @Test
    void whatTheDatabaseHoldsAtStartIsDeliveredAndCountedAsRecovered() throws Exception {
        StoredBatches.inRepository(repository(), 20);
        assertEquals(1, rows("ossa_batches"));
        try (RecordingHttpSink sink = RecordingHttpSink.start()) {
            CamelContext context = start(endpoint(sink), repository());
            try {
                OssaEventsEndpoint endpoint = context.getEndpoint(endpoint(sink), OssaEventsEndpoint.class);
                assertEquals(20, endpoint.getEventsRecovered());
                sink.awaitAcceptedEvents(20, Duration.ofSeconds(30));
                assertEquals(StoredBatches.events(20).stream().map(e -> e.getId()).toList(), sink.acceptedIds());
            } finally {
                context.stop();
            }
        }
    }

    private static CamelContext start(String uri, JdbcAggregationRepository repository) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("eventsRepository", repository);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(uri);
            }
        });
        context.start();
        return context;
    }

    private int rows(String table) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getInt(1);
        }
    }
}
