package dev.mdb.tasks.migrate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Flyway's migration checksum, so histories written by Flyway and by earlier mdb versions validate unchanged: CRC-32
 * over the UTF-8 bytes of each line without its line ending (a byte-order mark at the start is dropped), as a signed
 * 32-bit number. Line endings (LF, CRLF, CR) do not change it.
 */
public final class Checksums {
    private Checksums() {}

    public static int of(String text) {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
            String line = lines.readLine();
            if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = lines.readLine();
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
        return (int) crc.getValue();
    }
}
