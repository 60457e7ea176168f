package dev.ossa.camel.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The user documentation keeps up with the component's generated metadata ({@code ossa-events.json}): the reference in
 * {@code src-docs/reference.adoc} has a row for every path parameter, endpoint option, component option (as its
 * {@code camel.component.ossa-events.*} property) and header, with the metadata's type and default, and no row for
 * anything the component does not have; the Camel component page names every option and header too.
 */
class DocsCoverageTest {

    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static final Path METADATA = MODULE.resolve(
            "src/generated/resources/META-INF/dev/ossa/camel/events/ossa-events.json");
    private static final Path REFERENCE = MODULE.resolve("../src-docs/reference.adoc");
    private static final Path COMPONENT_PAGE = MODULE.resolve("src/main/docs/ossa-events-component.adoc");
    private static final String COMPONENT_PREFIX = "camel.component.ossa-events.";

    private static JsonNode metadata;
    private static String reference;

    @BeforeAll
    static void read() throws IOException {
        metadata = new ObjectMapper().readTree(METADATA.toFile());
        reference = Files.readString(REFERENCE, StandardCharsets.UTF_8);
    }

    @Test
    void everyPathParameterAndEndpointOptionHasARowWithItsTypeAndDefault() {
        Map<String, JsonNode> path = new LinkedHashMap<>();
        Map<String, JsonNode> options = new LinkedHashMap<>();
        metadata.get("properties").properties().forEach(entry -> {
            JsonNode option = entry.getValue();
            if (option.get("kind").asText().equals("path")) {
                path.put(entry.getKey(), option);
            } else {
                options.put(option.has("prefix") ? option.get("prefix").asText() + "*" : entry.getKey(), option);
            }
        });

        assertRowsMatch("Path parameter", path);
        assertRowsMatch("Endpoint options", options);
    }

    @Test
    void everyComponentOptionHasARowAsItsPropertyWithItsTypeAndDefault() {
        Map<String, JsonNode> options = new LinkedHashMap<>();
        metadata.get("componentProperties").properties().forEach(
                entry -> options.put(COMPONENT_PREFIX + kebabCase(entry.getKey()), entry.getValue()));

        assertRowsMatch("Component options", options);
    }

    @Test
    void everyHeaderHasARowWithItsJavaType() {
        Map<String, List<String>> rows = rowsOfSection("Headers");
        TreeSet<String> headers = new TreeSet<>();
        metadata.get("headers").properties().forEach(entry -> {
            headers.add(entry.getKey());
            List<String> row = rows.get(entry.getKey());
            assertTrue(row != null, "src-docs/reference.adoc, Headers: no row for " + entry.getKey());
            assertEquals(entry.getValue().get("javaType").asText(), row.get(1),
                    "src-docs/reference.adoc, Headers: Java type of " + entry.getKey());
        });
        assertEquals(headers, new TreeSet<>(rows.keySet()),
                "src-docs/reference.adoc, Headers: rows for headers the component does not read");
    }

    @Test
    void theComponentPageNamesEveryOptionAndHeader() throws IOException {
        String page = Files.readString(COMPONENT_PAGE, StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties", "headers")) {
            metadata.get(section).fieldNames().forEachRemaining(name -> {
                if (!page.contains("`" + name)) {
                    missing.add(section + "." + name);
                }
            });
        }
        assertEquals(List.of(), missing, "not named in " + COMPONENT_PAGE.getFileName());
    }

    /** Every documented row is an option of the metadata and every option has a row, with equal type and default. */
    private static void assertRowsMatch(String section, Map<String, JsonNode> options) {
        Map<String, List<String>> rows = rowsOfSection(section);
        for (Map.Entry<String, JsonNode> option : options.entrySet()) {
            String where = "src-docs/reference.adoc, " + section + ": " + option.getKey();
            List<String> row = rows.get(option.getKey());
            assertTrue(row != null, where + " has no row");
            assertEquals(option.getValue().get("type").asText(), row.get(1), where + ", type");
            JsonNode defaultValue = option.getValue().get("defaultValue");
            assertEquals(defaultValue == null ? "none" : defaultValue.asText(), row.get(2), where + ", default");
            assertTrue(!row.get(3).isEmpty(), where + " has no example");
            assertTrue(!row.get(4).isEmpty(), where + " has no description");
        }
        assertEquals(new TreeSet<>(options.keySet()), new TreeSet<>(rows.keySet()),
                "src-docs/reference.adoc, " + section + ": rows for options the component does not have");
    }

    /**
     * The rows of the table under the heading {@code section}, by their first cell. Each row is one line:
     * {@code |`name` |type |`default` |example |description}; backticks around a whole cell are dropped.
     */
    private static Map<String, List<String>> rowsOfSection(String section) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean inSection = false;
        boolean inTable = false;
        boolean header = false;
        for (String line : reference.split("\n")) {
            if (line.startsWith("=")) {
                inSection = line.replaceFirst("^=+\\s*", "").equals(section);
                continue;
            }
            if (!inSection) {
                continue;
            }
            if (line.equals("|===")) {
                inTable = !inTable;
                header = inTable;
                continue;
            }
            if (inTable && line.startsWith("|")) {
                if (header) {
                    header = false;
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1).split("\\|", -1)) {
                    cells.add(unquote(cell.trim()));
                }
                rows.put(cells.get(0), cells);
            }
        }
        assertTrue(!rows.isEmpty(), "src-docs/reference.adoc has no table under '" + section + "'");
        return rows;
    }

    private static String unquote(String cell) {
        return cell.length() > 1 && cell.startsWith("`") && cell.endsWith("`") && cell.indexOf('`', 1) == cell.length() - 1
                ? cell.substring(1, cell.length() - 1) : cell;
    }

    private static String kebabCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
