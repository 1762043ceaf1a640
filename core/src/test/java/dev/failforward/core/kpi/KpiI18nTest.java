package dev.failforward.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KpiI18nTest {

    @Test
    void everyKpiHasAStableKeyANameAndADescription() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream(
                "/dev/failforward/core/i18n/failforward-core.properties")) {
            messages.load(in);
        }

        for (Kpi kpi : Kpi.values()) {
            assertThat(kpi.i18nKey()).isEqualTo("failforward.kpi." + kpi.key() + ".name");
            assertThat(messages.getProperty(kpi.i18nKey())).as(kpi.i18nKey()).isNotBlank();
            assertThat(messages.getProperty(kpi.descriptionKey())).as(kpi.descriptionKey()).isNotBlank();
        }
        assertThat(Kpi.REPORTING_TIME_P90.key()).isEqualTo("reporting_time_p90");
        assertThat(messages.getProperty(Kpi.SHARING_SCORE.i18nKey())).isEqualTo("Sharing score");
    }
}
