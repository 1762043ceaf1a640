package dev.failforward.preview;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PreviewOptionsTest {

    @Test
    void defaultsToPort8080AndALocalDataDirectory() {
        assertThat(PreviewOptions.parse(List.of())).isEqualTo(new PreviewOptions(8080, Path.of(".preview-data"), null,
                PreviewOptions.DEFAULT_NODE, Path.of(".preview-data"), PreviewOptions.Embedded.DEFAULT));
    }

    @Test
    void readsPortAndDataInBothSpellings() {
        assertThat(PreviewOptions.parse(List.of("--port", "9090", "--data", "/tmp/ff")))
                .extracting(PreviewOptions::port, PreviewOptions::dataDirectory).containsExactly(9090, Path.of("/tmp/ff"));
        assertThat(PreviewOptions.parse(List.of("--port=0", "--data=x")))
                .extracting(PreviewOptions::port, PreviewOptions::dataDirectory).containsExactly(0, Path.of("x"));
    }

    @Test
    void choosesTheEmbeddedDatabase() {
        assertThat(PreviewOptions.parse(List.of("--embedded-db", "hsqldb")).embedded())
                .isEqualTo(PreviewOptions.Embedded.HSQLDB);
        assertThat(PreviewOptions.parse(List.of("--embedded-db=postgres")).embedded())
                .isEqualTo(PreviewOptions.Embedded.POSTGRES);
        assertThatIllegalArgumentException().isThrownBy(() -> PreviewOptions.parse(List.of("--embedded-db", "h2")))
                .withMessage("--embedded-db must be postgres or hsqldb: h2");
    }

    @Test
    void theSharedHomeIsTheDataDirectoryUnlessGiven() {
        assertThat(PreviewOptions.parse(List.of("--data", "a")).sharedHome()).isEqualTo(Path.of("a"));
        assertThat(PreviewOptions.parse(List.of("--data", "a", "--shared-home", "/srv/ff-shared")).sharedHome())
                .isEqualTo(Path.of("/srv/ff-shared"));
        assertThatIllegalArgumentException().isThrownBy(() -> PreviewOptions.parse(List.of("--shared-home=")))
                .withMessage("--shared-home must name a directory");
    }

    @Test
    void badInputNamesTheOption() {
        assertThatIllegalArgumentException().isThrownBy(() -> PreviewOptions.parse(List.of("--port", "http")))
                .withMessage("--port must be a number: http");
        assertThatIllegalArgumentException().isThrownBy(() -> PreviewOptions.parse(List.of("--port", "70000")))
                .withMessage("--port must be between 0 and 65535: 70000");
        assertThatIllegalArgumentException().isThrownBy(() -> PreviewOptions.parse(List.of("--data")))
                .withMessage("--data needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> PreviewOptions.parse(List.of("--data=")))
                .withMessage("--data must name a directory");
        assertThatIllegalArgumentException().isThrownBy(() -> PreviewOptions.parse(List.of("--verbose")))
                .withMessage("unknown option: --verbose");
    }

    @Test
    void readsAnExternalPostgresWithThePasswordFromTheOptionOrTheEnvironment() {
        PreviewOptions options = PreviewOptions.parse(List.of("--db-url", "jdbc:postgresql://db:5432/ff", "--db-user", "ff",
                "--db-password=pw"), null);
        assertThat(options.database()).isEqualTo(new PreviewOptions.ExternalDatabase("jdbc:postgresql://db:5432/ff", "ff", "pw"));
        assertThat(options.toString()).doesNotContain("pw");
        assertThat(PreviewOptions.parse(List.of("--db-url=jdbc:postgresql://db/ff", "--db-user", "ff"), "from-env")
                .database().password()).isEqualTo("from-env");
        assertThat(PreviewOptions.parse(List.of("--db-url=jdbc:postgresql://db/ff?user=a&password=b"), null).database())
                .isEqualTo(new PreviewOptions.ExternalDatabase("jdbc:postgresql://db/ff?user=a&password=b", null, null));
        assertThat(new PreviewOptions.ExternalDatabase("jdbc:postgresql://db/ff?user=a&password=b", null, null).describe())
                .isEqualTo("jdbc:postgresql://db/ff");
        assertThat(PreviewOptions.parse(List.of(), "from-env").database()).as("the embedded database by default").isNull();
    }

    @Test
    void badDatabaseOptionsNameTheOption() {
        assertThatIllegalArgumentException().isThrownBy(() -> PreviewOptions.parse(List.of("--db-url", "jdbc:mysql://db/ff")))
                .withMessageStartingWith("--db-url must be a PostgreSQL JDBC URL");
        assertThatIllegalArgumentException().isThrownBy(() -> PreviewOptions.parse(List.of("--db-user", "ff")))
                .withMessage("--db-user and --db-password need --db-url");
        assertThatIllegalArgumentException().isThrownBy(() -> PreviewOptions.parse(List.of("--db-url")))
                .withMessage("--db-url needs a value");
    }
}
