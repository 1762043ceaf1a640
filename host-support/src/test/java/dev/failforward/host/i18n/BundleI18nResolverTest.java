package dev.failforward.host.i18n;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BundleI18nResolverTest {

    private final BundleI18nResolver i18n = BundleI18nResolver.fromClasspath(Locale.ENGLISH, "i18n/sample.properties");

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
        assertThatIllegalArgumentException().isThrownBy(() -> BundleI18nResolver.fromClasspath(Locale.ENGLISH, "i18n/none.properties"))
                .withMessageContaining("i18n/none.properties");
    }

    @Test
    void aLaterBundleWinsForARepeatedKey() {
        BundleI18nResolver both = BundleI18nResolver.fromClasspath(Locale.ENGLISH, "i18n/sample.properties", "i18n/override.properties");
        assertThat(both.getText("sample.plain")).isEqualTo("Overridden");
        assertThat(both.getText("sample.quote")).isEqualTo("Don't blame people");
    }

    @Test
    void loadsBundlesFromUrls() {
        BundleI18nResolver fromUrl = BundleI18nResolver.fromUrls(Locale.ENGLISH,
                java.util.List.of(getClass().getClassLoader().getResource("i18n/override.properties")));
        assertThat(fromUrl.getText("sample.plain")).isEqualTo("Overridden");
        assertThat(fromUrl.hasKey("sample.args")).isFalse();
    }
}
