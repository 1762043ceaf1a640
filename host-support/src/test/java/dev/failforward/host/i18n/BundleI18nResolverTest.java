package dev.failforward.host.i18n;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BundleI18nResolverTest {

    private final BundleI18nResolver i18n = BundleI18nResolver.fromClasspath("i18n/sample.properties", Locale.ENGLISH);

    @Test
    void resolvesPlainAndFormattedMessages() {
        assertThat(i18n.getText("sample.plain")).isEqualTo("Plain text");
        assertThat(i18n.getText("sample.args", "maybe", "the outcome")).isEqualTo("Found maybe in the outcome");
    }

    @Test
    void formatsApostrophesAndUnicodeLikeTheProducts() {
        assertThat(i18n.getText("sample.quote")).isEqualTo("Don't blame people");
        assertThat(i18n.getText("sample.unicode")).isEqualTo("Fehlschläge früh melden");
    }

    @Test
    void anUnknownKeyResolvesToItself() {
        assertThat(i18n.getText("sample.nope")).isEqualTo("sample.nope");
        assertThat(i18n.hasKey("sample.nope")).isFalse();
        assertThat(i18n.hasKey("sample.plain")).isTrue();
    }

    @Test
    void aMissingBundleIsAnError() {
        assertThatIllegalArgumentException().isThrownBy(() -> BundleI18nResolver.fromClasspath("i18n/none.properties", Locale.ENGLISH))
                .withMessageContaining("i18n/none.properties");
    }
}
