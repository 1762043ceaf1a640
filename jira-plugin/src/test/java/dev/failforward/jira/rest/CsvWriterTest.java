package dev.failforward.jira.rest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Formula defusing looks past everything a spreadsheet skips before the first visible character. */
class CsvWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+1", "-1", "@SUM(A1)",
            " =HYPERLINK(\"http://evil\")", "   +cmd", "\u00a0=1", "\u2003=1", "\u3000=1",
            "\t=1", "\r=1", "\n=1", "\n\n@x", "\u0000=1", "\u0000\u0001\u001f-1", "\u000b=1", "\u000c=1", "\u0085=1",
            "\u200b=1", "\u200c=1", "\u200d+1", "\u2060=1", "\ufeff=1", "\ufeff\u200b \n=1", "\u00ad=1", "\u200e=1",
            "\u202e=1", "\uff1d1+2", "\uff0b1", "\uff0d1", "\uff20SUM(A1)", " \uff1dcmd", "\ufe66x", "\ufe62x",
            "\ufe63x", "\ufe6bx", "\u200b\uff1dx"})
    void aFormulaBehindAnythingInvisibleIsDefused(String value) {
        String cell = CsvWriter.cell(value);
        String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
        assertThat(unquoted).as(escape(value)).isEqualTo("'" + value);
        assertThat(CsvWriter.startsFormula(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a=b", "1+1", " x=1", "\u200bhello", "e-mail", "x@y", "\uff21=1", "  ", "\u200b",
            "\u2212 1", "'=1"})
    void textIsLeftAlone(String value) {
        assertThat(CsvWriter.startsFormula(value)).as(escape(value)).isFalse();
        assertThat(CsvWriter.cell(value)).as("unchanged").isEqualTo(value);
    }

    @Test
    void cellsStillFollowRfc4180() throws Exception {
        assertThat(CsvWriter.cell(" =A1,B1")).isEqualTo("\"' =A1,B1\"");
        assertThat(CsvWriter.cell("\n=1")).isEqualTo("\"'\n=1\"");
        assertThat(CsvWriter.cell("\u200b=\"x\"")).isEqualTo("\"'\u200b=\"\"x\"\"\"");
        StringWriter out = new StringWriter();
        new CsvWriter(out).row(List.of("OPS-1", "\ufeff=cmd|' /C calc'!A0", ""));
        assertThat(out).hasToString("OPS-1,'\ufeff=cmd|' /C calc'!A0,\r\n");
    }

    private static String escape(String value) {
        StringBuilder shown = new StringBuilder();
        value.codePoints().forEach(c -> shown.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
        return shown.toString();
    }
}
