package dev.failforward.preview;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PreviewOptionsTest {

    @Test
    void defaultsToPort8080AndALocalDataDirectory() {
        assertThat(PreviewOptions.parse(List.of())).isEqualTo(new PreviewOptions(8080, Path.of(".preview-data")));
    }

    @Test
    void readsPortAndDataInBothSpellings() {
        assertThat(PreviewOptions.parse(List.of("--port", "9090", "--data", "/tmp/ff")))
                .isEqualTo(new PreviewOptions(9090, Path.of("/tmp/ff")));
        assertThat(PreviewOptions.parse(List.of("--port=0", "--data=x"))).isEqualTo(new PreviewOptions(0, Path.of("x")));
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
}
