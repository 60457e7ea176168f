package dev.ossa.camel.events;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.processor.aggregate.MemoryAggregationRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The persistence options at endpoint creation: a repository bean is resolved from the registry, and combinations
 * that cannot work fail at once with a message that names the options.
 */
class PersistenceOptionsTest extends CamelTestSupport {

    private final MemoryAggregationRepository repository = new MemoryAggregationRepository();

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("eventsRepository", repository);
    }

    private String failure(String uri) {
        return assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint(uri)).getMessage();
    }

    @Test
    void aggregationRepositoryIsTheBeanOfThatName() {
        OssaEventsEndpoint endpoint = context.getEndpoint(
                "ossa-events:t?source=/a&batchSize=10&aggregationRepository=#eventsRepository",
                OssaEventsEndpoint.class);
        assertSame(repository, endpoint.getConfiguration().getAggregationRepository());
    }

    @Test
    void persistentAndAggregationRepositoryTogetherFail() {
        String message = failure("ossa-events:t?source=/a&batchSize=10&persistent=true"
                                 + "&aggregationRepository=#eventsRepository");
        assertTrue(message.contains("Options persistent=true and aggregationRepository exclude each other"), message);
    }

    @Test
    void persistentWithoutADirectoryFails() {
        String message = failure("ossa-events:t?source=/a&batchSize=10&persistent=true&persistenceDirectory=%20");
        assertTrue(message.contains("Option persistenceDirectory must name a directory when persistent=true"),
                message);
    }
}
