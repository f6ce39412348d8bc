package dev.mdb.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.ReadConsistency;
import dev.mdb.web.DatabaseSelector;
import dev.mdb.web.DatabaseSelectorFilter;
import dev.mdb.web.SessionResolverContext;
import jakarta.servlet.http.Cookie;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class MdbWebAutoConfigurationTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";

    @TempDir
    Path project;

    private WebApplicationContextRunner runner() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        MdbAutoConfiguration.class,
                        MdbWebAutoConfiguration.class,
                        DataSourceAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class))
                .withPropertyValues("mdb.database-yml=" + SqliteProject.create(project));
    }

    @Test
    void filter_servletApplication_registeredAsyncOnEveryPath() {
        runner().run(context -> {
            FilterRegistrationBean<?> registration = registration(context);
            assertThat(registration.getFilter()).isInstanceOf(DatabaseSelectorFilter.class);
            assertThat(registration.isAsyncSupported()).isTrue();
            assertThat(registration.getUrlPatterns()).containsExactly("/*");
            assertThat(registration.getOrder()).isEqualTo(MdbProperties.Web.DEFAULT_FILTER_ORDER);
        });
    }

    @Test
    void filter_getAndPost_readFromReplicaWriteToPrimary() {
        runner().run(context -> {
            assertThat(entryServing(context, "GET")).isEqualTo("primary_replica");
            assertThat(entryServing(context, "POST")).isEqualTo("primary");
        });
    }

    @Test
    void filter_cookieSecret_writingRequestGetsSignedCookie() {
        runner().withPropertyValues("mdb.web.cookie-secret=" + SECRET, "mdb.web.cookie-secure=false")
                .run(context -> {
                    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/trips");
                    MockHttpServletResponse response = write(context, request);
                    Cookie cookie = response.getCookie("mdb_ctx");
                    assertThat(cookie).isNotNull();
                    assertThat(cookie.getSecure()).isFalse();
                    assertThat(request.getSession(false)).isNull();
                });
    }

    @Test
    void filter_noSecret_stateInSession() {
        runner().run(context -> {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/trips");
            MockHttpServletResponse response = write(context, request);
            assertThat(response.getCookie("mdb_ctx")).isNull();
            assertThat(request.getSession(false)).isNotNull();
            assertThat(request.getSession(false).getAttribute(SessionResolverContext.DEFAULT_ATTRIBUTE))
                    .isNotNull();
        });
    }

    @Test
    void filter_applicationSelector_isUsed() {
        runner().withUserConfiguration(OwnSelector.class)
                .run(context -> assertThat(
                                ((DatabaseSelectorFilter) registration(context).getFilter()).selector())
                        .isSameAs(context.getBean(DatabaseSelector.class))
                        .hasToString("DatabaseSelector["
                                + context.getBean(DatabaseSelector.class).consistency() + ", ACTUAL_WRITES, strict]"));
    }

    @Test
    void selector_consistencyProperties_applied() {
        runner().run(context -> assertThat(
                        context.getBean(DatabaseSelector.class).consistency().toString())
                .isEqualTo(ReadConsistency.causal(Duration.ofSeconds(2)).toString()));
        runner().withPropertyValues("mdb.web.consistency=time-window", "mdb.web.delay=5s", "mdb.web.strict=true")
                .run(context -> {
                    DatabaseSelector selector = context.getBean(DatabaseSelector.class);
                    assertThat(selector.consistency().toString())
                            .isEqualTo(ReadConsistency.timeWindow(Duration.ofSeconds(5))
                                    .toString());
                    assertThat(selector.strict()).isTrue();
                });
    }

    @Test
    void filter_disabled_notRegistered() {
        runner().withPropertyValues("mdb.web.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
    }

    @Test
    void filter_notAWebApplication_notRegistered() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MdbAutoConfiguration.class, MdbWebAutoConfiguration.class))
                .withPropertyValues("mdb.database-yml=" + SqliteProject.create(project))
                .run(context -> {
                    assertThat(context).hasSingleBean(Mdb.class);
                    assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
                });
    }

    private static FilterRegistrationBean<?> registration(ApplicationContext context) {
        return context.getBean("mdbDatabaseSelectorFilter", FilterRegistrationBean.class);
    }

    private static String entryServing(ApplicationContext context, String method) throws Exception {
        Mdb mdb = context.getBean(Mdb.class);
        AtomicReference<String> entry = new AtomicReference<>();
        registration(context)
                .getFilter()
                .doFilter(new MockHttpServletRequest(method, "/trips"), new MockHttpServletResponse(), (req, res) -> {
                    try {
                        entry.set(mdb.dataSource().describe().entry());
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
        return entry.get();
    }

    private static MockHttpServletResponse write(ApplicationContext context, MockHttpServletRequest request)
            throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        MockHttpServletResponse response = new MockHttpServletResponse();
        registration(context)
                .getFilter()
                .doFilter(request, response, (req, res) -> jdbc.update("INSERT INTO trips (name) VALUES ('Faro')"));
        return response;
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSelector {
        @Bean
        DatabaseSelector ownSelector(Mdb mdb) {
            return DatabaseSelector.builder(mdb).strict(true).build();
        }
    }
}
