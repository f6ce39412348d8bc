package dev.mdb.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs of the original findings (50 MB files that took 0.5 to 1.3 GiB, or ran past a minute) and files just
 * under the bounds, loaded by {@link LargeInputProbe} in a JVM of 128 MiB: each must be refused or loaded, never end in
 * an {@code OutOfMemoryError} or a stack overflow. No timing is asserted; the generous limit on the whole run only
 * keeps a regression from hanging the build. The probe prints times and peak heap for the record.
 */
class LargeInputForkTest {
    private static final long TIME_LIMIT_SECONDS = 120;

    @Test
    void load_hugeAndBoundaryInputs_areRefusedOrLoadedInASmallHeap(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder(
                        java.toString(),
                        "-Xmx128m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LargeInputProbe.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        boolean finished = probe.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            probe.destroyForcibly();
        }
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.print(output);

        assertThat(finished).as(output).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(outcomes(output)).as(output).containsExactlyEntriesOf(expected());
    }

    private static Map<String, String> expected() {
        Map<String, String> expected = new LinkedHashMap<>();
        List.of("comments-50mb", "scalar-50mb", "erb-tags-50mb", "nested-ifs-10000", "line-1mb")
                .forEach(name -> expected.put(name, "refused"));
        List.of("erb-tags-4000-one-line", "erb-tags-19999-one-a-line", "lines-64k-to-1mib", "shards-1000")
                .forEach(name -> expected.put(name, "loaded"));
        expected.put("parse-50mb-string", "refused");
        return expected;
    }

    /** Input name ⇒ outcome, from the probe's lines {@code name outcome N ms N MiB}; other lines are ignored. */
    private static Map<String, String> outcomes(String output) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        output.lines()
                .map(line -> line.split(" ", -1))
                .filter(fields -> fields.length == 6 && fields[3].equals("ms"))
                .forEach(fields -> outcomes.put(fields[0], fields[1]));
        return outcomes;
    }
}
