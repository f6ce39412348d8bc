package dev.mdb.spring;

import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.ReadConsistency;
import dev.mdb.web.DatabaseSelector;
import dev.mdb.web.DatabaseSelectorFilter;
import dev.mdb.web.SignedCookieResolverContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link DatabaseSelectorFilter} (async supported) in a servlet web application that has mdb-web: reading
 * requests use replicas, writing ones the primary, and clients read their own writes. The client's state lives in a
 * signed cookie when {@code mdb.web.cookie-secret} is set, else in the HTTP session. A {@link DatabaseSelector} bean of
 * the application's replaces the one built from {@code mdb.web.*}.
 */
@AutoConfiguration(after = MdbAutoConfiguration.class)
@ConditionalOnClass({DatabaseSelectorFilter.class, FilterRegistrationBean.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "mdb.web", name = "enabled", matchIfMissing = true)
@ConditionalOnBean(Mdb.class)
public class MdbWebAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean
    public DatabaseSelector mdbDatabaseSelector(Mdb mdb, MdbProperties properties) {
        MdbProperties.Web web = properties.getWeb();
        ReadConsistency consistency = web.getConsistency() == MdbProperties.Consistency.TIME_WINDOW
                ? ReadConsistency.timeWindow(web.getDelay())
                : ReadConsistency.causal(web.getDelay());
        DatabaseSelector.Builder selector = DatabaseSelector.builder(mdb)
                .consistency(consistency)
                .strict(web.isStrict())
                .debugHeader(web.isDebugHeader());
        if (web.getCookieSecret() != null && !web.getCookieSecret().isEmpty()) {
            selector.context(SignedCookieResolverContext.builder()
                    .secret(web.getCookieSecret())
                    .secure(web.isCookieSecure())
                    .build());
        }
        return selector.build();
    }

    @Bean
    public FilterRegistrationBean<DatabaseSelectorFilter> mdbDatabaseSelectorFilter(
            DatabaseSelector selector, MdbProperties properties) {
        FilterRegistrationBean<DatabaseSelectorFilter> registration =
                new FilterRegistrationBean<>(new DatabaseSelectorFilter(selector));
        registration.setName("mdbDatabaseSelectorFilter");
        registration.setAsyncSupported(true);
        registration.setOrder(properties.getWeb().getFilterOrder());
        registration.addUrlPatterns("/*");
        return registration;
    }
}
