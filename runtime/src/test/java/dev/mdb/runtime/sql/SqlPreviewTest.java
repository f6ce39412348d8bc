package dev.mdb.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Single-line SQL previews for messages. */
class SqlPreviewTest {

    @Test
    void preview_multiLineSql_collapsesWhitespace() {
        assertThat(SqlPreview.preview("  DELETE\n\tFROM   t\r\n WHERE id = 1  "))
                .isEqualTo("DELETE FROM t WHERE id = 1");
    }

    @Test
    void preview_longSql_truncatesWithEllipsis() {
        String preview = SqlPreview.preview("SELECT " + "x".repeat(500));

        assertThat(preview).hasSize(SqlPreview.MAX_LENGTH + 1).endsWith("…").startsWith("SELECT xxx");
    }

    @Test
    void preview_exactlyMaxLength_keepsEverything() {
        String sql = "y".repeat(SqlPreview.MAX_LENGTH);

        assertThat(SqlPreview.preview(sql)).isEqualTo(sql);
    }

    @Test
    void preview_surrogatePairAtCut_isNotSplit() {
        String sql = "x".repeat(SqlPreview.MAX_LENGTH - 1) + "😀😀";

        assertThat(SqlPreview.preview(sql)).isEqualTo("x".repeat(SqlPreview.MAX_LENGTH - 1) + "…");
    }

    @Test
    void preview_keepsLiterals_likeRailsMessage() {
        assertThat(SqlPreview.preview("UPDATE users SET email = 'a@b.c'"))
                .isEqualTo("UPDATE users SET email = 'a@b.c'");
    }

    @Test
    void redacted_stringLiterals_areReplaced() {
        assertThat(SqlPreview.redacted("UPDATE users SET email = 'a@b.c', note = 'it''s' WHERE id = 1"))
                .isEqualTo("UPDATE users SET email = '?', note = '?' WHERE id = 1");
        assertThat(SqlPreview.redacted("SELECT E'x\\'y', $$secret$$, $t$also$t$, $1"))
                .isEqualTo("SELECT E'?', $$?$$, $t$?$t$, $1");
    }

    @Test
    void redacted_unterminatedLiteral_hidesTheRest() {
        assertThat(SqlPreview.redacted("SELECT 'secret")).isEqualTo("SELECT '?'");
    }
}
