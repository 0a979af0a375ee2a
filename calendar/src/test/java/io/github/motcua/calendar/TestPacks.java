package io.github.motcua.calendar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Instant;

/** Shared fixtures: the Gia Lai reference pack of this repository, and Vietnam-time instants. */
final class TestPacks {
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private TestPacks() {
    }

    /** The Gia Lai pack folder (examples/packs/gia-lai, in this repository). */
    static Path giaLai() {
        Path p = Path.of("..", "examples", "packs", "gia-lai");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("Gia Lai pack not found at " + p.toAbsolutePath());
        }
        return p;
    }

    static WorkingCalendar giaLaiCalendar() {
        return Calendars.loadPack(giaLai());
    }

    /** A Vietnam local date-time as an instant. */
    static Instant vn(int y, int mo, int d, int h, int mi) {
        return LocalDateTime.of(y, mo, d, h, mi).atZone(VN).toInstant();
    }
}
