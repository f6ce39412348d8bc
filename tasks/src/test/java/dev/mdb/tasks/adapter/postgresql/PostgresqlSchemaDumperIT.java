package dev.mdb.tasks.adapter.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mdb.runtime.sql.Dialect;
import dev.mdb.tasks.schema.SchemaDumper;
import dev.mdb.tasks.schema.SchemaLoader;
import dev.mdb.tasks.schema.UnsupportedSchemaObjectException;
import dev.mdb.testsupport.DatabaseServerExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("postgresql")
class PostgresqlSchemaDumperIT {

    @RegisterExtension
    static DatabaseServerExtension pg = DatabaseServerExtension.postgres();

    private static final SchemaDumper DUMPER = new PostgresqlSchemaDumper();

    /** The fixture loaded into database A, its dump, and that dump loaded into an empty database B. */
    private static String original;

    private static String reloaded;
    private static String dumpOfOriginal;

    @BeforeAll
    static void loadFixtureAndReload() throws Exception {
        original = pg.createDatabase();
        try (Connection c = pg.connect(original)) {
            SchemaLoader.load(c, fixture(), Dialect.POSTGRESQL);
            dumpOfOriginal = DUMPER.dump(c);
        }
        reloaded = pg.createDatabase();
        try (Connection c = pg.connect(reloaded)) {
            SchemaLoader.load(c, dumpOfOriginal, Dialect.POSTGRESQL);
        }
    }

    @Test
    void dump_loadedIntoEmptyDatabase_dumpsByteIdentical() throws Exception {
        assertThat(dump(reloaded)).isEqualTo(dumpOfOriginal);
    }

    @Test
    void dump_runTwice_isIdentical() throws Exception {
        try (Connection c = pg.connect(original)) {
            assertThat(DUMPER.dump(c)).isEqualTo(DUMPER.dump(c)).isEqualTo(dumpOfOriginal);
        }
    }

    @Test
    void dump_fixture_containsEveryObjectKind() {
        assertThat(dumpOfOriginal)
                .startsWith("CREATE SCHEMA \"Audit Log\";\n\nCREATE SCHEMA billing;\n\n")
                .doesNotContain("CREATE SCHEMA public")
                .contains("COMMENT ON SCHEMA public IS 'Application tables';\n\n")
                .contains("COMMENT ON SCHEMA billing IS 'Invoices and accounts';\n\n")
                .contains("CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA billing;\n\n")
                .contains("CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;\n\n")
                .doesNotContain("plpgsql")
                .contains("CREATE TYPE public.mood AS ENUM (\n    'sad',\n    'it''s ok',\n    'happy'\n);\n\n")
                .contains("CREATE TYPE billing.invoice_state AS ENUM (\n    'draft',\n    'sent',\n    'void',\n"
                        + "    'paid'\n);")
                .contains("COMMENT ON TYPE public.mood IS 'How a user feels';")
                .contains("CREATE SEQUENCE billing.invoice_number_seq\n    START WITH 1000\n    INCREMENT BY 5\n"
                        + "    MINVALUE 1000\n    MAXVALUE 999999\n    CACHE 10\n    CYCLE;\n\n")
                .contains("CREATE SEQUENCE public.countdown\n    AS integer\n    START WITH -1\n    INCREMENT BY -1\n"
                        + "    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1;")
                .contains("COMMENT ON SEQUENCE billing.invoice_number_seq IS 'Human invoice numbers';")
                .contains("CREATE TABLE public.users (\n    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,\n"
                        + "    email public.citext NOT NULL,\n    first_name text COLLATE pg_catalog.\"C\",\n")
                .contains("    full_name text GENERATED ALWAYS AS (((COALESCE(first_name, ''::text) || ' '::text)"
                        + " || last_name)) STORED,\n")
                .contains("    feeling public.mood DEFAULT 'it''s ok'::public.mood,\n")
                .contains(
                        "    CONSTRAINT users_pkey PRIMARY KEY (id),\n    CONSTRAINT users_email_key UNIQUE (email),\n"
                                + "    CONSTRAINT users_score_check CHECK ((score >= 0))\n) WITH (fillfactor='90');")
                .contains("ALTER TABLE public.users ALTER COLUMN last_name SET STATISTICS 500;")
                .contains("ALTER TABLE public.users ALTER COLUMN settings SET STORAGE EXTERNAL;")
                .contains("ALTER TABLE public.events ALTER COLUMN kind SET (n_distinct='2');")
                .contains("    n bigint GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME billing.counter_numbers MINVALUE 0"
                        + " MAXVALUE 100 CYCLE) NOT NULL,\n")
                .contains("    n smallint GENERATED BY DEFAULT AS IDENTITY (INCREMENT BY -1) NOT NULL\n")
                .doesNotContain("CREATE SEQUENCE billing.counter_numbers")
                .contains("COMMENT ON SEQUENCE billing.counter_numbers IS 'Wraps at 100';")
                .doesNotContain("pg_attver")
                .contains("    note text DEFAULT 'a; b -- not a comment /* nor this */ $$ nor $tag$'::text,\n")
                .contains("COMMENT ON TABLE public.legacy_items IS 'Line one;\nit''s line two -- still the comment';")
                .contains("COMMENT ON TABLE public.users IS 'People who sign in';")
                .contains("COMMENT ON COLUMN public.users.email IS 'Case-insensitive; unique';")
                .contains("    id integer GENERATED BY DEFAULT AS IDENTITY (START WITH 100 INCREMENT BY 10 CACHE 5)"
                        + " NOT NULL,\n")
                .contains("    payload bytea COMPRESSION pglz,\n")
                .contains("CREATE SEQUENCE public.legacy_items_id_seq\n    AS integer\n")
                .contains("    id integer DEFAULT nextval('public.legacy_items_id_seq'::regclass) NOT NULL,\n")
                .contains("ALTER SEQUENCE public.legacy_items_id_seq OWNED BY public.legacy_items.id;")
                .contains("CREATE UNLOGGED TABLE public.\"Order Items\" (\n    \"Id\" bigint DEFAULT"
                        + " nextval('public.\"Order Items_Id_seq\"'::regclass) NOT NULL,\n")
                .contains("CREATE TABLE \"Audit Log\".entries (")
                .contains("    CONSTRAINT no_double_booking EXCLUDE USING gist (room WITH =, during WITH &&)\n")
                .contains("CONSTRAINT invoices_number_unique UNIQUE (number) DEFERRABLE")
                .contains("CREATE INDEX index_users_active ON public.users USING btree (created_at DESC NULLS LAST, id)"
                        + " WHERE (deleted_at IS NULL);")
                .contains(
                        "CREATE INDEX index_users_on_lower_first_name ON public.users USING btree (lower(first_name));")
                .contains("CREATE UNIQUE INDEX index_legacy_items_on_code ON public.legacy_items USING btree (code)"
                        + " INCLUDE (price) WITH (fillfactor='70');")
                .contains("CREATE INDEX index_events_on_user_id_and_kind ON public.events USING btree (user_id, kind"
                        + " DESC);")
                .contains("COMMENT ON INDEX public.index_users_active IS 'Active users, newest first';")
                .contains("COMMENT ON INDEX public.users_pkey IS 'The key';")
                .doesNotContain("CREATE UNIQUE INDEX users_pkey")
                .contains("ALTER TABLE public.users CLUSTER ON index_users_on_lower_first_name;")
                .contains("ALTER TABLE billing.accounts\n    ADD CONSTRAINT accounts_primary_invoice_fk FOREIGN KEY"
                        + " (primary_invoice_id) REFERENCES billing.invoices(id) ON DELETE SET NULL;")
                .contains("ALTER TABLE billing.invoices\n    ADD CONSTRAINT invoices_account_id_fkey FOREIGN KEY"
                        + " (account_id) REFERENCES billing.accounts(id) ON DELETE CASCADE;")
                .contains("ADD CONSTRAINT order_items_user_fk FOREIGN KEY (user_id) REFERENCES public.users(id)"
                        + " ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;")
                .contains("ON UPDATE CASCADE ON DELETE RESTRICT;")
                .contains("ADD CONSTRAINT events_kind_known CHECK ((kind = ANY (ARRAY['click'::text, 'view'::text])))"
                        + " NOT VALID;\n\nCOMMENT ON CONSTRAINT events_kind_known ON public.events IS 'Old rows may"
                        + " break it';")
                .contains("CREATE VIEW public.active_users AS\n SELECT users.id,")
                .contains("COMMENT ON VIEW public.active_users IS 'Users not deleted';")
                .contains("COMMENT ON COLUMN public.active_users.email IS 'From users.email';")
                .contains("CREATE VIEW billing.a_happy_users WITH (check_option='local') AS\n")
                .contains("ALTER VIEW billing.a_happy_users ALTER COLUMN email SET DEFAULT"
                        + " 'nobody@example.com'::public.citext;")
                .contains("CREATE VIEW billing.account_totals WITH (security_barrier='true') AS\n")
                .endsWith(";\n\n");
        // Tables before foreign keys; views after the views they use, although the name sorts first.
        assertThat(dumpOfOriginal.indexOf("CREATE VIEW public.active_users"))
                .isLessThan(dumpOfOriginal.indexOf("CREATE VIEW billing.a_happy_users"));
        assertThat(dumpOfOriginal.indexOf("CREATE VIEW billing.a_happy_users"))
                .isLessThan(dumpOfOriginal.indexOf("CREATE VIEW billing.account_totals"));
        assertThat(dumpOfOriginal.lastIndexOf("CREATE TABLE"))
                .isLessThan(dumpOfOriginal.indexOf("ADD CONSTRAINT accounts_primary_invoice_fk"));
    }

    @Test
    void pgDump_ofOriginalAndReloaded_isTheSame() throws Exception {
        assumeThat(onPath("pg_dump")).as("pg_dump on PATH").isTrue();
        List<String> ofOriginal = pgDumpLines(original);
        List<String> ofReloaded = pgDumpLines(reloaded);
        List<String> missing = new ArrayList<>(ofOriginal);
        ofReloaded.forEach(missing::remove);
        List<String> extra = new ArrayList<>(ofReloaded);
        ofOriginal.forEach(extra::remove);
        assertThat(missing)
                .as("pg_dump lines of the original missing after reload")
                .isEmpty();
        assertThat(extra).as("pg_dump lines after reload the original lacks").isEmpty();
        assertThat(ofReloaded).isEqualTo(ofOriginal);
    }

    @Test
    void dump_otherSearchPath_sameDumpAndPathRestored() throws Exception {
        try (Connection c = pg.connect(original)) {
            execute(c, "SET search_path TO billing, public");
            assertThat(DUMPER.dump(c)).isEqualTo(dumpOfOriginal);
            assertThat(query(c, "SHOW search_path")).isEqualTo("billing, public");
        }
    }

    @Test
    void dump_emptyDatabase_isEmpty() throws Exception {
        assertThat(dump(pg.createDatabase())).isEmpty();
    }

    @Test
    void dump_flywayHistoryAndMetadata_dumpsHistoryButNotMetadata() throws Exception {
        String db = pg.createDatabase();
        try (Connection c = pg.connect(db)) {
            // As Flyway 13 creates its table on PostgreSQL, and mdb its metadata table.
            SchemaLoader.load(c, """
                    CREATE TABLE "public"."flyway_schema_history" (
                        "installed_rank" INT NOT NULL, "version" VARCHAR(50), "description" VARCHAR(200) NOT NULL,
                        "type" VARCHAR(20) NOT NULL, "script" VARCHAR(1000) NOT NULL, "checksum" INTEGER,
                        "installed_by" VARCHAR(100) NOT NULL, "installed_on" TIMESTAMP NOT NULL DEFAULT now(),
                        "execution_time" INTEGER NOT NULL, "success" BOOLEAN NOT NULL);
                    ALTER TABLE "public"."flyway_schema_history"
                        ADD CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank");
                    CREATE INDEX "flyway_schema_history_s_idx" ON "public"."flyway_schema_history" ("success");
                    CREATE TABLE mdb_internal_metadata (key VARCHAR(255) NOT NULL PRIMARY KEY, value VARCHAR(255),
                        created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL, n serial);
                    CREATE INDEX index_mdb_internal_metadata_on_value ON mdb_internal_metadata (value);
                    COMMENT ON TABLE mdb_internal_metadata IS 'mdb';
                    """, Dialect.POSTGRESQL);
            String dump = DUMPER.dump(c);
            assertThat(dump)
                    .contains("CREATE TABLE public.flyway_schema_history (\n    installed_rank integer NOT NULL,\n")
                    .contains("    CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank)\n);")
                    .contains("CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree"
                            + " (success);")
                    .doesNotContain("mdb_internal_metadata");
        }
    }

    static Stream<Arguments> unsupportedObjects() {
        return Stream.of(
                Arguments.of(
                        "CREATE TABLE t (a int); CREATE TRIGGER t_no_op BEFORE UPDATE ON t FOR EACH ROW"
                                + " EXECUTE FUNCTION suppress_redundant_updates_trigger()",
                        "can't dump trigger t_no_op on public.t"),
                Arguments.of(
                        "CREATE MATERIALIZED VIEW totals AS SELECT 1 AS one",
                        "can't dump materialized view public.totals"),
                Arguments.of(
                        "CREATE FUNCTION add_one(i integer) RETURNS integer LANGUAGE sql AS 'SELECT i + 1'",
                        "can't dump function public.add_one(i integer)"),
                Arguments.of(
                        "CREATE DOMAIN positive AS integer CHECK (VALUE > 0)", "can't dump domain public.positive"),
                Arguments.of("CREATE TYPE pair AS (a int, b int)", "can't dump composite type public.pair"),
                Arguments.of(
                        "CREATE TABLE m (at date) PARTITION BY RANGE (at)", "can't dump partitioned table public.m"),
                Arguments.of(
                        "CREATE TABLE parent (a int); CREATE TABLE child (b int) INHERITS (parent)",
                        "can't dump table (inheritance child) public.child"),
                Arguments.of(
                        "CREATE TABLE t (a int); CREATE RULE no_delete AS ON DELETE TO t DO INSTEAD NOTHING",
                        "can't dump rule no_delete on public.t"),
                Arguments.of(
                        "CREATE TABLE t (a int); ALTER TABLE t ENABLE ROW LEVEL SECURITY",
                        "can't dump table with row-level security public.t"),
                Arguments.of(
                        "CREATE TABLE t (a int, b int); CREATE STATISTICS t_ab ON a, b FROM t",
                        "can't dump statistics object public.t_ab"),
                Arguments.of(
                        "CREATE SCHEMA s; CREATE COLLATION s.german (provider = libc, locale = 'C')",
                        "can't dump collation s.german"));
    }

    @ParameterizedTest
    @MethodSource("unsupportedObjects")
    void dump_unsupportedObject_throwsNamingIt(String ddl, String message) throws Exception {
        try (Connection c = pg.connect(pg.createDatabase())) {
            SchemaLoader.load(c, ddl, Dialect.POSTGRESQL);
            assertThatThrownBy(() -> DUMPER.dump(c))
                    .isInstanceOf(UnsupportedSchemaObjectException.class)
                    .hasMessageStartingWith(message + " with schema_format: sql")
                    .hasMessageContaining("schema_format: structure");
        }
    }

    @Test
    void dump_extensionObjects_areLeftToTheExtension() throws Exception {
        try (Connection c = pg.connect(pg.createDatabase())) {
            SchemaLoader.load(
                    c, "CREATE EXTENSION hstore; CREATE EXTENSION IF NOT EXISTS plpgsql;", Dialect.POSTGRESQL);
            assertThat(DUMPER.dump(c)).isEqualTo("CREATE EXTENSION IF NOT EXISTS hstore WITH SCHEMA public;\n\n");
        }
    }

    private static String dump(String database) throws SQLException {
        try (Connection c = pg.connect(database)) {
            return DUMPER.dump(c);
        }
    }

    private static String fixture() throws IOException {
        try (InputStream in = PostgresqlSchemaDumperIT.class.getResourceAsStream("schema-fixture.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean onPath(String binary) {
        String path = System.getenv("PATH");
        return path != null
                && Stream.of(path.split(java.io.File.pathSeparator, -1))
                        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, binary)));
    }

    /**
     * pg_dump's schema without comments, blank lines, session settings and psql meta-commands (its {@code restrict}
     * line has a random key), sorted: its order follows OIDs.
     */
    private static List<String> pgDumpLines(String database) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(
                "pg_dump",
                "--schema-only",
                "--no-owner",
                "--no-privileges",
                "-h",
                pg.host(),
                "-p",
                Integer.toString(pg.port()),
                "-U",
                pg.username(),
                database);
        if (pg.password() != null) {
            pb.environment().put("PGPASSWORD", pg.password());
        }
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("pg_dump exit code").isZero();
        List<String> lines = new ArrayList<>();
        out.lines()
                .filter(l -> !l.isBlank()
                        && !l.startsWith("--")
                        && !l.startsWith("\\")
                        && !l.startsWith("SET ")
                        && !l.startsWith("SELECT pg_catalog.set_config"))
                .sorted()
                .forEach(lines::add);
        assertThat(lines).isNotEmpty();
        return lines;
    }
}
