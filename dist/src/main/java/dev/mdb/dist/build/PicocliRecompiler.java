package dev.mdb.dist.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Replaces {@code lib/picocli-<version>.jar} with the same picocli built from its published sources jar for Java 17.
 *
 * <p>picocli ships Java 5 class files (version 49), and HotSpot's class-data sharing refuses classes older than
 * version 50: without this, the ~170 picocli classes every start loads are read, parsed and verified from the jar on
 * each run even with an archive. Built with {@code --release 17 -XDstringConcat=inline} (no invokedynamic string
 * concatenation, whose call sites cost time on first use), they are archived like the rest. The jar keeps picocli's
 * manifest (plus a note), its {@code module-info} and the same set of classes (checked). Runs only when the jar in
 * {@code lib/} is not already a recompiled one.
 *
 * <p>Arguments: the picocli jar in {@code lib/} (rewritten in place), the picocli sources jar, the entry timestamp (the
 * build's {@code project.build.outputTimestamp}).
 */
public final class PicocliRecompiler {
    static final String MARKER = "X-Mdb-Recompiled";

    private PicocliRecompiler() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: PicocliRecompiler PICOCLI_JAR SOURCES_JAR OUTPUT_TIMESTAMP");
        }
        Path jar = Path.of(args[0]);
        Path sources = Path.of(args[1]);
        FileTime time = FileTime.from(Instant.parse(args[2]));
        Manifest manifest;
        try (JarFile original = new JarFile(jar.toFile())) {
            manifest = original.getManifest();
        }
        if (manifest.getMainAttributes().getValue(MARKER) != null) {
            return; // done by an earlier build
        }
        Path work = Files.createTempDirectory("mdb-picocli");
        try {
            recompile(jar, sources, work, manifest, time);
        } finally {
            deleteRecursively(work);
        }
    }

    private static void recompile(Path jar, Path sources, Path work, Manifest manifest, FileTime time)
            throws IOException {
        Path src = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        List<String> files = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(sources))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (!entry.isDirectory() && entry.getName().endsWith(".java")) {
                    Path file = src.resolve(entry.getName()).normalize();
                    if (!file.startsWith(src)) {
                        throw new IOException("unexpected entry in " + sources + ": " + entry.getName());
                    }
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file);
                    files.add(file.toString());
                }
            }
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in " + System.getProperty("java.home") + " (a JRE?)");
        }
        List<String> options = new ArrayList<>(List.of(
                "--release",
                "17",
                "-XDstringConcat=inline",
                "-encoding",
                "UTF-8",
                "-proc:none",
                "-nowarn",
                "-Xlint:none",
                "-d",
                classes.toString()));
        options.addAll(files);
        int status = javac.run(null, null, null, options.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException(
                    "compiling picocli's sources failed (javac exit " + status + "; its messages are above)");
        }
        TreeMap<String, byte[]> entries = new TreeMap<>();
        Set<String> originalClasses = new TreeSet<>();
        try (JarFile original = new JarFile(jar.toFile())) {
            for (JarEntry entry : original.stream().toList()) {
                String name = entry.getName();
                if (name.startsWith("META-INF/versions/") && !entry.isDirectory()) {
                    try (InputStream in = original.getInputStream(entry)) {
                        entries.put(name, in.readAllBytes());
                    }
                } else if (name.endsWith(".class")) {
                    originalClasses.add(name);
                }
            }
        }
        Set<String> compiledClasses = new TreeSet<>();
        try (Stream<Path> paths = Files.walk(classes)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                compiledClasses.add(name);
                entries.put(name, Files.readAllBytes(file));
            }
        }
        if (!compiledClasses.equals(originalClasses)) {
            Set<String> missing = new TreeSet<>(originalClasses);
            missing.removeAll(compiledClasses);
            Set<String> extra = new TreeSet<>(compiledClasses);
            extra.removeAll(originalClasses);
            throw new IllegalStateException(
                    "recompiled picocli differs from " + jar + ": missing " + missing + ", extra " + extra);
        }
        Attributes main = manifest.getMainAttributes();
        main.putValue(
                MARKER,
                "picocli's sources compiled with --release 17 -XDstringConcat=inline by mdb's dist build"
                        + " (class-data sharing needs class files of version 50 or newer)");
        Path temp = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (OutputStream file = Files.newOutputStream(temp);
                JarOutputStream out = new JarOutputStream(file)) {
            JarEntry manifestEntry = entry("META-INF/MANIFEST.MF", time);
            out.putNextEntry(manifestEntry);
            manifest.write(out);
            out.closeEntry();
            Set<String> directories = new TreeSet<>();
            for (String name : entries.keySet()) {
                for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                    directories.add(name.substring(0, slash + 1));
                }
            }
            directories.remove("META-INF/");
            for (String directory : directories) {
                out.putNextEntry(entry(directory, time));
                out.closeEntry();
            }
            for (var e : entries.entrySet()) {
                out.putNextEntry(entry(e.getKey(), time));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    private static JarEntry entry(String name, FileTime time) {
        JarEntry entry = new JarEntry(name);
        entry.setLastModifiedTime(time);
        return entry;
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
