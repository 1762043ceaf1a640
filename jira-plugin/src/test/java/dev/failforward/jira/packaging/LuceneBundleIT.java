package dev.failforward.jira.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.function.IntConsumer;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search index works from the built plugin jar alone: Lucene is inlined (never imported), with its SPI files, so
 * codecs resolve through the jar's own class loader, as they will through the bundle's in the product.
 */
class LuceneBundleIT {

    @TempDir
    Path home;

    private static Path jar() {
        return Path.of(System.getProperty("plugin.jar"));
    }

    @Test
    void luceneIsInlinedWithItsServiceFilesAndNotImported() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            String imports = jar.getManifest().getMainAttributes().getValue("Import-Package");
            assertThat(imports).doesNotContain("org.apache.lucene", "org.tartarus", "jdk.incubator", "sun.misc",
                    "com.sun.management", "javax.xml", "org.xml.sax");
            assertThat(jar.getEntry("org/apache/lucene/codecs/lucene912/Lucene912Codec.class")).isNotNull();
            assertThat(jar.getEntry("org/tartarus/snowball/ext/EnglishStemmer.class")).isNotNull();
            // the Confluence page importer is inside too, with its own tokenizer: hence no javax.xml import above
            assertThat(jar.getEntry("dev/failforward/core/importing/confluence/StorageTokenizer.class")).isNotNull();
            assertThat(jar.stream().map(java.util.zip.ZipEntry::getName)).noneMatch(n -> n.startsWith("META-INF/versions/"));
            for (String service : new String[] {"org.apache.lucene.codecs.Codec", "org.apache.lucene.codecs.PostingsFormat",
                    "org.apache.lucene.codecs.DocValuesFormat", "org.apache.lucene.codecs.KnnVectorsFormat"}) {
                assertThat(jar.getEntry("META-INF/services/" + service)).as(service).isNotNull();
            }
        }
    }

    @Test
    void theJarsOwnClassesBuildAndOpenAnIndex() throws Exception {
        // only the jar and the JDK: nothing of Lucene from the test class path
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar().toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> codec = loader.loadClass("org.apache.lucene.codecs.Codec");
            Object lucene912 = codec.getMethod("forName", String.class).invoke(null, "Lucene912");
            assertThat(lucene912.getClass().getName()).isEqualTo("org.apache.lucene.codecs.lucene912.Lucene912Codec");
            assertThat(lucene912.getClass().getClassLoader()).isSameAs(loader);

            Class<?> indexClass = loader.loadClass("dev.failforward.jira.search.LuceneFailureIndex");
            Path dir = home.resolve("index");
            Object index = indexClass.getMethod("open", Path.class).invoke(null, dir);
            assertThat(String.valueOf(indexClass.getMethod("status").invoke(index))).contains("NEEDS_REBUILD");
            indexClass.getMethod("rebuild", java.util.Iterator.class, int.class, String.class, IntConsumer.class)
                    .invoke(index, Collections.emptyIterator(), 0, "c-1", (IntConsumer) n -> { });
            assertThat(String.valueOf(indexClass.getMethod("status").invoke(index))).contains("READY");
            ((AutoCloseable) index).close();

            Object reopened = indexClass.getMethod("open", Path.class).invoke(null, dir);
            assertThat(indexClass.getMethod("cursor").invoke(reopened)).isEqualTo("c-1");
            ((AutoCloseable) reopened).close();
            assertThat(Files.list(dir).anyMatch(f -> f.getFileName().toString().startsWith("segments_"))).isTrue();
        }
    }
}
