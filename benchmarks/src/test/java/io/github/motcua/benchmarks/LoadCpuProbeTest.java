package io.github.motcua.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LoadCpuProbe} on a slice of the synthetic catalogue (every template once): it loads the catalogue, decides the
 * procedure {@code CatalogueScale} decides first, and prints the figures {@code benchmarks/load-cpu-pairs.sh}
 * summarises; with {@code probe.jfr} it records the window. No timing is asserted (a shared host): only that the
 * figures are consistent with each other.
 */
class LoadCpuProbeTest {
    static final Path REFERENCE = CatalogueLazyParseTest.REFERENCE;

    @TempDir
    Path dir;

    @Test
    void run_loadsTheCatalogueAndDecidesTheMiddleProcedure_withConsistentFigures() throws Exception {
        int n = CatalogueGenerator.templates(REFERENCE).size();
        CatalogueGenerator.write(REFERENCE, dir, n);
        LoadCpuProbe.Figures f = LoadCpuProbe.run(dir, n, REFERENCE);
        assertEquals(CatalogueGenerator.code(n / 2), f.decision());
        assertTrue(f.wallLoad() > 0 && f.wallFirst() >= f.wallLoad(), f.toString());
        assertTrue(f.cpuLoad() > 0 && f.cpu() >= f.cpuLoad(), f.toString());
        assertTrue(f.callerLoad() > 0 && f.cpuCaller() >= f.callerLoad() && f.callerLoad() <= f.cpuLoad() + 0.02, f.toString());
        assertTrue(f.allocLoadMb() > 0, f.toString());
        // the parts of the window's CPU by thread name (10 ms ticks): some JIT, and the library's threads more than the caller
        assertTrue(f.cpuJit() > 0 && f.cpuGc() >= 0 && f.cpuLib() >= f.cpuCaller() - 0.02, f.toString());
    }

    @Test
    void printedLine_hasEveryKeyTheScriptSummarises() throws Exception {
        LoadCpuProbe.Figures f = new LoadCpuProbe.Figures(1.25, 1.5, 3, 2, 0.75, 512, 3.5, 1, 0.25, 2.25, 1, "SYN.00007");
        String script = Files.readString(Path.of("load-cpu-pairs.sh"));
        Matcher keys = Pattern.compile("for key in ([a-z_ ]+); do").matcher(script);
        assertTrue(keys.find(), "the script's summary loop");
        List<String> missing = new ArrayList<>();
        for (String key : keys.group(1).trim().split(" ")) {
            if (!Pattern.compile("(^| )" + key + "=[0-9.]+( |$)").matcher(f.toString()).find()) {
                missing.add(key);
            }
        }
        assertEquals(List.of(), missing, f.toString());
        assertTrue(f.toString().endsWith(" decision=SYN.00007"), f.toString());
    }

    @Test
    void jfrProperty_recordsTheWindowsExecutionSamples() throws Exception {
        Path file = dir.resolve("window.jfr");
        assertNull(LoadCpuProbe.startRecording(), "no recording without the property");
        System.setProperty("probe.jfr", file.toString());
        try {
            var recording = LoadCpuProbe.startRecording();
            long end = System.nanoTime() + 300_000_000L;
            long spin = 0;
            while (System.nanoTime() < end) { // something to sample
                spin += Long.toString(spin).hashCode();
            }
            LoadCpuProbe.stopRecording(recording);
            assertTrue(spin != 1);
        } finally {
            System.clearProperty("probe.jfr");
        }
        boolean sampled = false;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            sampled |= e.getEventType().getName().equals("jdk.ExecutionSample");
        }
        assertTrue(sampled, "execution samples in " + file);
    }
}
