package dev.mdb.cli.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Results printed as psql does; every SQL statement gets its own JDBC statement, so the route is chosen for each. */
class ConsoleStatementRunnerTest {
    private final AtomicInteger created = new AtomicInteger();
    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);
    private final StatementRunner runner = new StatementRunner();
    private Connection sqlite;

    @BeforeEach
    void open() throws SQLException {
        sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    @AfterEach
    void close() throws SQLException {
        sqlite.close();
    }

    /** {@code connection}, counting the statements created on it. */
    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createStatement")) {
                        created.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void run_script_printsTagsAndTablesWithAStatementEach() throws SQLException {
        Connection connection = counting(sqlite);

        runner.run(connection, "CREATE TABLE dogs (id INTEGER PRIMARY KEY, name TEXT)", out, false);
        runner.run(connection, "INSERT INTO dogs (name) VALUES ('Fido'), ('Rex')", out, false);
        runner.run(connection, "SELECT name FROM dogs ORDER BY id", out, false);
        runner.run(connection, "SELECT count(*) AS n FROM dogs", out, false);

        assertThat(created).hasValue(4);
        assertThat(text.toString())
                .isEqualTo("CREATE TABLE\nINSERT 2\n name\n------\n Fido\n Rex\n(2 rows)\n n\n---\n 2\n(1 row)\n");
    }

    @Test
    void run_failedStatement_throwsAndTheNextOneRuns() throws SQLException {
        assertThatThrownBy(() -> runner.run(sqlite, "SELECT * FROM missing", out, false))
                .isInstanceOf(SQLException.class);
        runner.run(sqlite, "SELECT 2 AS b", out, false);

        assertThat(text.toString()).isEqualTo(" b\n---\n 2\n(1 row)\n");
    }
}
