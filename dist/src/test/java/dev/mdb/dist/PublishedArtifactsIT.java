package dev.mdb.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What mdb publishes, checked against the build: mdb-bom lists exactly the jar modules that are deployed (those
 * without {@code maven.deploy.skip}), at the reactor's version, and manages nothing else; and each of those jars, as
 * built (Failsafe runs after {@code package}, so this test's class path holds the jars), names its JPMS module and
 * comes with a sources and a javadoc jar beside it.
 */
class PublishedArtifactsIT {
    private static final Path ROOT = Path.of(System.getProperty("mdb.root", ".."));
    private static final String VERSION = System.getProperty("mdb.version", "");

    /** Each published artifact, its module name, and one of its classes to find its jar by. */
    record Published(String artifactId, String module, String className) {
        @Override
        public String toString() {
            return artifactId;
        }
    }

    static List<Published> published() {
        return List.of(
                new Published("mdb-config", "dev.mdb.config", "dev.mdb.config.DatabaseConfigurations"),
                new Published("mdb-runtime", "dev.mdb.runtime", "dev.mdb.runtime.Mdb"),
                new Published("mdb-web", "dev.mdb.web", "dev.mdb.web.DatabaseSelectorFilter"),
                new Published("mdb-tasks", "dev.mdb.tasks", "dev.mdb.tasks.DatabaseTasks"),
                new Published("mdb-cli", "dev.mdb.cli", "dev.mdb.cli.Main"),
                new Published("mdb-spring-boot-starter", "dev.mdb.spring", "dev.mdb.spring.MdbAutoConfiguration"),
                new Published(
                        "mdb-test-support", "dev.mdb.testsupport", "dev.mdb.testsupport.DatabaseServerExtension"));
    }

    @Test
    void bom_listsEveryDeployedJarModuleAtTheReactorVersion() throws Exception {
        Document root = parse(ROOT.resolve("pom.xml"));
        Document bom = parse(ROOT.resolve("bom/pom.xml"));
        List<String> deployed = new ArrayList<>();
        for (String module : texts(root, "/project/modules/module")) {
            Document pom = parse(ROOT.resolve(module).resolve("pom.xml"));
            String packaging = text(pom, "/project/packaging");
            boolean skipped = "true".equals(text(pom, "/project/properties/maven.deploy.skip"));
            if (!skipped && (packaging.isEmpty() || packaging.equals("jar"))) {
                deployed.add(text(pom, "/project/artifactId"));
            }
        }

        assertThat(texts(root, "/project/modules/module")).contains("bom");
        assertThat(text(bom, "/project/version")).isEqualTo(text(root, "/project/version"));
        assertThat(text(bom, "/project/version")).isEqualTo(VERSION);
        assertThat(texts(bom, "/project/dependencyManagement/dependencies/dependency/artifactId"))
                .containsExactlyInAnyOrderElementsOf(deployed)
                .containsExactlyInAnyOrderElementsOf(
                        published().stream().map(Published::artifactId).toList());
    }

    @Test
    void bom_hasNoParentNorDependenciesAndManagesOnlyMdbArtifacts() throws Exception {
        Document bom = parse(ROOT.resolve("bom/pom.xml"));

        assertThat(text(bom, "/project/parent/artifactId"))
                .as("an imported BOM brings its parent's dependencyManagement along")
                .isEmpty();
        assertThat(texts(bom, "/project/dependencies/dependency")).isEmpty();
        assertThat(text(bom, "/project/packaging")).isEqualTo("pom");
        assertThat(Set.copyOf(texts(bom, "/project/dependencyManagement/dependencies/dependency/groupId")))
                .containsExactly("dev.mdb");
        assertThat(Set.copyOf(texts(bom, "/project/dependencyManagement/dependencies/dependency/version")))
                .containsExactly("${project.version}");
        assertThat(texts(bom, "/project/dependencyManagement/dependencies/dependency/scope"))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("published")
    void publishedJar_namesItsModuleAndHasSourcesAndJavadocBesideIt(Published artifact) throws IOException {
        String classFile = artifact.className().replace('.', '/');
        // The starter is not on this module's class path (it would bring Spring here): its module's built jar.
        Path jar = artifact.artifactId().equals("mdb-spring-boot-starter")
                ? ROOT.resolve("spring-boot-starter/target/" + artifact.artifactId() + "-" + VERSION + ".jar")
                : jarHolding(classFile + ".class");
        assertThat(jar)
                .as("the built jar of %s (run `mvn verify` from the root)", artifact)
                .isRegularFile();
        try (JarFile built = new JarFile(jar.toFile())) {
            assertThat(built.getEntry(classFile + ".class"))
                    .as("%s in %s", classFile, jar)
                    .isNotNull();
        }

        assertThat(jar.getFileName().toString()).isEqualTo(artifact.artifactId() + "-" + VERSION + ".jar");
        assertThat(moduleName(jar)).isEqualTo(artifact.module());
        try (JarFile sources = new JarFile(sibling(jar, "sources").toFile())) {
            assertThat(sources.getEntry(classFile + ".java")).isNotNull();
        }
        try (JarFile javadoc = new JarFile(sibling(jar, "javadoc").toFile())) {
            assertThat(javadoc.getEntry("index.html")).isNotNull();
            assertThat(javadoc.getEntry(classFile + ".html")).isNotNull();
            assertThat(javadoc.stream().map(e -> e.getName()).filter(n -> n.contains("/internal/")))
                    .as("internal packages stay out of the javadoc")
                    .isEmpty();
        }
    }

    /** The module name the module path gives {@code jar}: its {@code Automatic-Module-Name}, else one from its name. */
    static String moduleName(Path jar) {
        Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
        assertThat(found).as("modules in %s", jar).hasSize(1);
        ModuleReference module = found.iterator().next();
        assertThat(module.descriptor().isAutomatic()).isTrue();
        return module.descriptor().name();
    }

    /**
     * The dependencies of the pom that Maven packed into {@code jar} (the one it publishes), by {@code
     * groupId:artifactId}, each with its other elements ({@code scope}, {@code optional} …) as text.
     */
    static Map<String, Map<String, String>> dependencies(Path jar, String artifactId) throws Exception {
        Document pom;
        try (JarFile file = new JarFile(jar.toFile())) {
            var entry = file.getEntry("META-INF/maven/dev.mdb/" + artifactId + "/pom.xml");
            assertThat(entry).as("the pom in %s", jar).isNotNull();
            try (InputStream in = file.getInputStream(entry)) {
                pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
            }
        }
        NodeList nodes = (NodeList) xpath().evaluate("/project/dependencies/dependency", pom, XPathConstants.NODESET);
        Map<String, Map<String, String>> dependencies = new LinkedHashMap<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Map<String, String> elements = new LinkedHashMap<>();
            for (Node child = nodes.item(i).getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element) {
                    elements.put(element.getTagName(), element.getTextContent().trim());
                }
            }
            dependencies.put(elements.get("groupId") + ":" + elements.get("artifactId"), elements);
        }
        return dependencies;
    }

    private static Path jarHolding(String resource) throws IOException {
        URL url = PublishedArtifactsIT.class.getClassLoader().getResource(resource);
        assertThat(url).as("%s on the class path", resource).isNotNull();
        assertThat(url.getProtocol())
                .as("%s must come from a built jar (run `mvn verify`, not `mvn test`): %s", resource, url)
                .isEqualTo("jar");
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        try {
            return Path.of(connection.getJarFileURL().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static Path sibling(Path jar, String classifier) {
        String name = jar.getFileName().toString();
        Path sibling =
                jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + "-" + classifier + ".jar");
        assertThat(Files.isRegularFile(sibling))
                .as("the %s jar beside %s", classifier, jar)
                .isTrue();
        return sibling;
    }

    private static Document parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static XPath xpath() {
        return XPathFactory.newInstance().newXPath();
    }

    private static String text(Document document, String path) throws Exception {
        return xpath().evaluate(path, document).trim();
    }

    private static List<String> texts(Document document, String path) throws Exception {
        NodeList nodes = (NodeList) xpath().evaluate(path, document, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }
}
