package dev.failforward.core.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

    @Test
    void escapesEveryHtmlSpecialCharacter() {
        assertThat(Html.escape("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    @Test
    void leavesOtherTextAloneAndTreatsNullAsEmpty() {
        assertThat(Html.escape("plain ünïcode, 5% & more")).isEqualTo("plain ünïcode, 5% &amp; more");
        assertThat(Html.escape(null)).isEmpty();
    }
}
