package dev.mdb.tasks.adapter.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.tasks.schema.UnsupportedSchemaObjectException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Normalising {@code SHOW CREATE VIEW} output and ordering views, without a server. */
class MysqlViewsTest {

    static Stream<Arguments> views() {
        return Stream.of(
                Arguments.of(
                        "CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`127.0.0.1` SQL SECURITY DEFINER VIEW `v` AS"
                                + " select lastval(`app`.`s`) AS `n`",
                        "CREATE VIEW `v` AS select lastval(`s`) AS `n`"),
                Arguments.of(
                        "CREATE ALGORITHM=TEMPTABLE DEFINER=`odd user``s`@`%` SQL SECURITY INVOKER VIEW `v` AS select 1",
                        "CREATE ALGORITHM=TEMPTABLE SQL SECURITY INVOKER VIEW `v` AS select 1"),
                Arguments.of(
                        "CREATE ALGORITHM=MERGE DEFINER=`a_role` SQL SECURITY DEFINER VIEW `v` AS select 1 AS `1`"
                                + " WITH LOCAL CHECK OPTION",
                        "CREATE ALGORITHM=MERGE VIEW `v` AS select 1 AS `1` WITH LOCAL CHECK OPTION"));
    }

    @ParameterizedTest
    @MethodSource("views")
    void normalize_dropsDefinerAndDefaults_keepsChoices(String shown, String expected) {
        assertThat(MysqlViews.normalize("v", "app", shown).sql()).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void normalize_unexpectedText_isRefusedNamingTheView() {
        assertThatThrownBy(() -> MysqlViews.normalize("v", "app", "CREATE VIEW `v` AS select 1"))
                .isInstanceOf(UnsupportedSchemaObjectException.class)
                .hasMessageContaining("view v");
    }

    @org.junit.jupiter.api.Test
    void dependencyOrder_putsReadViewsFirst_elseByName_cycleByName() {
        List<MysqlViews.View> views = List.of(
                new MysqlViews.View("a", "CREATE VIEW `a` AS select `c`.`x` AS `x` from `c`"),
                new MysqlViews.View("b", "CREATE VIEW `b` AS select 1 AS `a`"),
                new MysqlViews.View("c", "CREATE VIEW `c` AS select `t`.`x` AS `x` from `t`"),
                new MysqlViews.View("d", "CREATE VIEW `d` AS select 1 from `e`"),
                new MysqlViews.View("e", "CREATE VIEW `e` AS select 1 from `d`"));

        assertThat(MysqlViews.dependencyOrder(views).stream().map(MysqlViews.View::name))
                .containsExactly("b", "c", "a", "d", "e");
    }
}
