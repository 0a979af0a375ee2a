package io.github.motcua.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The published JSON Schema of calendar files agrees with the files we ship and rejects what the loader rejects. */
class CalendarFileSchemaTest {

    private static Schema schema() throws IOException {
        try (InputStream in = Calendars.class.getResourceAsStream("calendar-file.schema.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
        }
    }

    private static List<?> errors(String yaml) throws IOException {
        return schema().validate(yaml, InputFormat.YAML);
    }

    @Test
    void validate_giaLaiCalendarFilesAndBuiltInRules_haveNoErrors() throws IOException {
        try (Stream<Path> s = Files.list(TestPacks.giaLai().resolve("calendar"))) {
            for (Path p : s.toList()) {
                assertEquals(List.of(), errors(Files.readString(p, StandardCharsets.UTF_8)), p.toString());
            }
        }
        try (InputStream in = Calendars.class.getResourceAsStream("labour-code-holidays.yaml")) {
            assertEquals(List.of(), errors(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    @Test
    void validate_filesTheLoaderRejects_haveErrors() throws IOException {
        assertFalse(errors("kind: schedule\nyear: 2026\nholidays: []\n").isEmpty());
        assertFalse(errors("kind: schedule\nyear: 2300\n").isEmpty());
        assertFalse(errors("kind: schedule\nyear: 2026\ndays:\n  - { date: 2026-01-01, kind: FEAST, name: a, basis: X }\n").isEmpty());
        assertFalse(errors("kind: schedule\nyear: 2026\ndays:\n  - { date: 2026-01-01, to: 2026-01-02, kind: HOLIDAY, name: a, basis: X }\n").isEmpty());
        assertFalse(errors("kind: switches\nswitches: { van-hoa-24-11: maybe }\n").isEmpty());
        assertFalse(errors("kind: holiday-rules\nrules:\n  - { id: a, name: b, basis: X }\n").isEmpty());
    }
}
