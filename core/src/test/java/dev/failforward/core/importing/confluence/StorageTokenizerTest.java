package dev.failforward.core.importing.confluence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.failforward.core.importing.confluence.StorageTokenizer.Kind;
import dev.failforward.core.importing.confluence.StorageTokenizer.Result;
import dev.failforward.core.importing.confluence.StorageTokenizer.Token;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorageTokenizerTest {

    private static String texts(Result r) {
        return r.tokens().stream().filter(t -> t.kind() == Kind.TEXT).map(Token::text).collect(Collectors.joining());
    }

    @Test
    void namespacedElementsAttributesAndSelfClosingTags() {
        Result r = StorageTokenizer.tokenize("<ac:structured-macro ac:name=\"status\" ac:schema-version='1'>"
                + "<ri:user ri:userkey=\"abc\"/><BR><p class=x data-flag>t</P></ac:structured-macro>");
        List<Token> t = r.tokens();
        assertThat(t).extracting(Token::kind).containsExactly(Kind.START, Kind.START, Kind.START, Kind.START,
                Kind.TEXT, Kind.END, Kind.END);
        assertThat(t.get(0).name()).isEqualTo("ac:structured-macro");
        assertThat(t.get(0).attributes()).containsExactly(Map.entry("ac:name", "status"),
                Map.entry("ac:schema-version", "1"));
        assertThat(t.get(1).name()).isEqualTo("ri:user");
        assertThat(t.get(1).selfClosing()).isTrue();
        assertThat(t.get(1).attributes()).containsEntry("ri:userkey", "abc");
        assertThat(t.get(2).name()).isEqualTo("br");
        assertThat(t.get(3).attributes()).containsExactly(Map.entry("class", "x"), Map.entry("data-flag", ""));
        assertThat(t.get(5).name()).isEqualTo("p");
        assertThat(t.get(6).name()).isEqualTo("ac:structured-macro");
    }

    @Test
    void namedNumericAndHtmlEntities() {
        Result r = StorageTokenizer.tokenize("<p title=\"a&amp;b&quot;\">x&nbsp;y&rsquo;s &mdash; &amp;&lt;&gt;&apos;"
                + "&#65;&#x42;&#X43;&hellip;&eacute;</p>");
        assertThat(texts(r)).isEqualTo("x\u00A0y\u2019s \u2014 &<>'ABC…é");
        assertThat(r.tokens().get(0).attributes()).containsEntry("title", "a&b\"");
        assertThat(r.unknownEntities()).isEmpty();
    }

    @Test
    void unknownOrBrokenReferencesStayText() {
        Result r = StorageTokenizer.tokenize("<p>AT&T &foo; &#xZZ; &#0; &#99999999; & ; &;</p>");
        assertThat(texts(r)).isEqualTo("AT&T &foo; &#xZZ; \uFFFD \uFFFD & ; &;");
        assertThat(r.unknownEntities()).containsExactly("foo");
    }

    @Test
    void cdataIsTextAndCommentsAreNothing() {
        Result r = StorageTokenizer.tokenize("<ac:plain-text-body><![CDATA[if (a < b && c) { x(); } <p>]]>"
                + "</ac:plain-text-body><!-- a <p>comment</p> -->after");
        assertThat(texts(r)).isEqualTo("if (a < b && c) { x(); } <p>after");
        assertThat(r.tokens()).extracting(Token::kind).containsExactly(Kind.START, Kind.TEXT, Kind.END, Kind.TEXT);
    }

    @Test
    void unterminatedCommentAndCdataEndAtTheEndAndAreSaid() {
        assertThat(StorageTokenizer.tokenize("<p>a</p><!-- open").remarks()).singleElement().asString()
                .contains("comment");
        Result cdata = StorageTokenizer.tokenize("<p><![CDATA[open");
        assertThat(texts(cdata)).isEqualTo("open");
        assertThat(cdata.remarks()).singleElement().asString().contains("CDATA");
    }

    @Test
    void doctypeWithInternalSubsetIsSkippedWhole() {
        Result r = StorageTokenizer.tokenize("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\"> <!ENTITY f "
                + "\">\">]>\n<p>&e;</p>");
        assertThat(r.doctype()).isTrue();
        assertThat(texts(r)).isEqualTo("\n&e;");
        assertThat(r.unknownEntities()).containsExactly("e");
    }

    @Test
    void linesAndColumns() {
        Result r = StorageTokenizer.tokenize("<p>a</p>\n  <h2>b\n</h2>");
        Token h2 = r.tokens().stream().filter(t -> "h2".equals(t.name()) && t.kind() == Kind.START).findFirst()
                .orElseThrow();
        assertThat(h2.line()).isEqualTo(2);
        assertThat(h2.column()).isEqualTo(3);
        Token end = r.tokens().get(r.tokens().size() - 1);
        assertThat(end.kind()).isEqualTo(Kind.END);
        assertThat(end.line()).isEqualTo(3);
        assertThat(end.column()).isEqualTo(3);
    }

    @Test
    void strayMarkupIsText() {
        assertThat(texts(StorageTokenizer.tokenize("a < b > c <3 </ 5"))).isEqualTo("a < b > c <3 </ 5");
    }

    @Test
    void scriptAndStyleContentIsSkipped() {
        Result r = StorageTokenizer.tokenize("<style>p { x: '</p>' }</style><script>if (a<b) {}</SCRIPT><p>t</p>");
        assertThat(texts(r)).isEqualTo("t");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<", "&", "<a", "<a b", "<a b=", "<a b=\"", "<a b='x", "</", "</a", "<!", "<!-",
        "<!--", "<![CDATA[", "<?", "<?xml", "<!DOCTYPE", "<!DOCTYPE [", "&#", "&#x", "&#x;", "<a/", "<a =x>", "<a \"'>",
        "<ac:task-list><ac:task>", "]]>", "<<<>>>", "&&&;", "\u0000<p>\uD800</p>"})
    void neverThrows(String input) {
        assertThatCode(() -> {
            StorageTokenizer.tokenize(input);
            StorageFormat.parse(input);
            new ConfluencePostMortemParser().parse("1", "t", input, ZoneOffset.UTC, Instant.EPOCH);
        }).doesNotThrowAnyException();
    }

    @RepeatedTest(20)
    void randomMarkupNeverThrows() {
        Random random = new Random();
        String[] parts = {"<", ">", "</", "/>", "<p>", "</p>", "<ac:task>", "&", ";", "&nbsp;", "<![CDATA[", "]]>",
            "<!--", "-->", "\"", "'", "=", " ", "\n", "<h2>Summary</h2>", "x", "<!DOCTYPE", "[", "]", "<table><tr><td>",
            "<?", "?>", "#", "&#x", "<ac:structured-macro ac:name=\"info\">", "<li>", "<br>"};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            b.append(parts[random.nextInt(parts.length)]);
        }
        String input = b.toString();
        assertThatCode(() -> new ConfluencePostMortemParser().parse("1", "t", input, ZoneOffset.UTC, Instant.EPOCH))
                .as(input).doesNotThrowAnyException();
    }
}
