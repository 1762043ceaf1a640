package dev.failforward.core.importing.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failforward.core.importing.confluence.StorageFormat.Node;
import dev.failforward.core.importing.confluence.StorageFormat.Parsed;
import org.junit.jupiter.api.Test;

class StorageFormatTest {

    @Test
    void keepsPrefixesAttributesAndThePagesLineNumbers() {
        Parsed parsed = StorageFormat.parse("<p>one</p>\n<ac:task-list>\n<ac:task><ac:task-body>"
                + "<ri:user ri:userkey=\"k1\"/></ac:task-body></ac:task></ac:task-list>");
        assertThat(parsed.problems()).isEmpty();
        Node list = parsed.root().children().stream().filter(n -> n.is("ac:task-list")).findFirst().orElseThrow();
        assertThat(list.line()).isEqualTo(2);
        Node task = list.children().stream().filter(n -> n.is("ac:task")).findFirst().orElseThrow();
        assertThat(task.line()).isEqualTo(3);
        Node user = task.children().get(0).children().get(0);
        assertThat(user.name()).isEqualTo("ri:user");
        assertThat(user.attribute("ri:userkey")).isEqualTo("k1");
    }

    @Test
    void htmlEntitiesBecomeCharactersAndXmlOnesStay() {
        Parsed parsed = StorageFormat.parse("<p>a&nbsp;b&ndash;c&amp;d&lt;e&#x2713;&eacute;&hellip;&rarr;</p>");
        assertThat(parsed.problems()).isEmpty();
        assertThat(ConfluencePage.text(parsed.root())).isEqualTo("a\u00A0b–c&d<e✓é…→");
    }

    @Test
    void anXmlDeclarationAndADoctypeAnywhereAreDropped() {
        Parsed parsed = StorageFormat.parse("<?xml version=\"1.0\"?>\n<p>x</p>\n<!DOCTYPE html SYSTEM \"http://x/y\">"
                + "\n<p>y</p>");
        assertThat(parsed.problems()).containsExactly(
                "the page has a DOCTYPE declaration; it was ignored and nothing it names was read");
        assertThat(ConfluencePage.text(parsed.root()).replaceAll("\\s+", " ").strip()).isEqualTo("x y");
        assertThat(parsed.root().children().stream().filter(n -> n.is("p")).map(Node::line))
                .containsExactly(2, 4);
    }

    @Test
    void unclosedTagKeepsWhatCameBefore() {
        Parsed parsed = StorageFormat.parse("<p>kept</p>\n<p>open\n<p>next</p>");
        assertThat(parsed.problems()).hasSize(1);
        assertThat(parsed.problems().get(0)).startsWith("the page is not well-formed storage format at line 3");
        assertThat(parsed.errorLine()).isEqualTo(3);
        assertThat(ConfluencePage.text(parsed.root())).startsWith("kept");
    }

    @Test
    void misnestedAndUnclosedHtmlIsMendedAndReadWhole() {
        Parsed parsed = StorageFormat.parse("<ul><li>one<li>two</ul>\n<p>after <b>bold</p>\n<br><hr>\n</div><p>end");
        assertThat(parsed.problems()).hasSize(1);
        assertThat(parsed.problems().get(0)).startsWith("the page is not well-formed storage format at line 1, column 21"
                + " (the element \"li\" from line 1 must be closed before \"</ul>\") and in 3 more places;");
        assertThat(parsed.errorLine()).isEqualTo(1);
        assertThat(ConfluencePage.text(parsed.root()).replaceAll("\\s+", " ").strip())
                .isEqualTo("onetwo after bold end");
        assertThat(parsed.root().children().stream().filter(n -> !n.isText()).map(Node::name))
                .containsExactly("ul", "p", "br", "hr", "p");
    }

    @Test
    void deepNestingKeepsTheTextAndOverflowsNoStack() {
        String deep = "<div>".repeat(50_000) + "<h2>Summary</h2><p>deep</p>" + "</div>".repeat(50_000);
        Parsed parsed = StorageFormat.parse(deep);
        assertThat(parsed.problems()).containsExactly(
                "elements nested deeper than 100 levels were read as plain text");
        assertThat(ConfluencePage.text(parsed.root())).isEqualTo("Summarydeep");
        ConfluencePostMortemParser parser = new ConfluencePostMortemParser();
        assertThat(parser.parse("1", "deep", deep, java.time.ZoneOffset.UTC, java.time.Instant.EPOCH).problems())
                .extracting(p -> p.message()).contains("elements nested deeper than 100 levels were read as plain text");
    }

    @Test
    void hugeInputIsCut() {
        String huge = "<p>" + "x".repeat(StorageFormat.MAX_CHARS) + "</p>";
        Parsed parsed = StorageFormat.parse(huge);
        assertThat(parsed.problems()).first().asString().startsWith("the page has more than");
        assertThat(ConfluencePage.text(parsed.root())).hasSize(StorageFormat.MAX_CHARS - 3);
    }

    @Test
    void aDoctypeWithDeclaredEntitiesExpandsNothing() {
        Parsed parsed = StorageFormat.parse("<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">"
                + "<!ENTITY e SYSTEM \"file:///etc/passwd\">]><p>&b;&e;</p>");
        assertThat(ConfluencePage.text(parsed.root())).isEqualTo("&b;&e;");
        assertThat(parsed.problems()).containsExactly(
                "the page has a DOCTYPE declaration; it was ignored and nothing it names was read",
                "unknown entities kept as text: &b; &e;");
    }
}
