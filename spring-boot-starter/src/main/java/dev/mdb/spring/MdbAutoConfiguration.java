package dev.mdb.spring;

import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.MdbListener;
import dev.mdb.runtime.PoolCustomizer;
import dev.mdb.runtime.RoutingDataSource;
import dev.mdb.runtime.metrics.MdbMetrics;
import dev.mdb.spring.internal.AutoProxyRegistrar;
import dev.mdb.spring.internal.JdbcTranslatorPostProcessor;
import dev.mdb.spring.internal.MdbLoader;
import dev.mdb.spring.internal.MdbPersistenceExceptionTranslator;
import dev.mdb.spring.internal.MdbRouteInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.task.TaskDecorator;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * The {@link Mdb} of {@code mdb.database-yml} / {@code mdb.env}, its routing {@code DataSource} (primary bean), the
 * {@link MdbRoute} advisor, refused writes as {@link MdbWriteRefusedException}, a route-carrying {@link TaskDecorator}
 * and, with a {@code MeterRegistry}, {@link MdbMetrics}. Runs before Spring Boot's {@code DataSource}
 * auto-configuration, which then backs off.
 */
@AutoConfiguration(
        before = DataSourceAutoConfiguration.class,
        afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
@EnableConfigurationProperties(MdbProperties.class)
@Import(AutoProxyRegistrar.class)
public class MdbAutoConfiguration {
    /** The {@link MdbRoute} advisor's order: outside {@code @Transactional} (lowest precedence), so it routes first. */
    public static final int ROUTE_ADVISOR_ORDER = Ordered.LOWEST_PRECEDENCE - 1000;

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Mdb mdb(
            MdbProperties properties,
            Environment environment,
            ResourceLoader resources,
            ObjectProvider<MdbListener> listeners,
            ObjectProvider<PoolCustomizer> customizers) {
        String env = MdbLoader.env(properties.getEnv(), environment.getProperty("RAILS_ENV"));
        Mdb.Builder builder = MdbLoader.builder(resources, properties.getDatabaseYml(), env, System.getenv());
        listeners.orderedStream().forEach(builder::listener);
        customizers.orderedStream().forEach(builder::poolCustomizer);
        builder.roleNames(properties.getWritingRole(), properties.getReadingRole());
        return builder.build();
    }

    /** The default group's routing data source; the pools belong to the {@link Mdb}, which closes them. */
    @Bean(destroyMethod = "")
    @Primary
    @ConditionalOnMissingBean(javax.sql.DataSource.class)
    public RoutingDataSource dataSource(Mdb mdb) {
        return mdb.dataSource();
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    public static Advisor mdbRouteAdvisor(ObjectProvider<Mdb> mdb) {
        ComposablePointcut pointcut = new ComposablePointcut(new AnnotationMatchingPointcut(MdbRoute.class, true))
                .union(AnnotationMatchingPointcut.forMethodAnnotation(MdbRoute.class));
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(pointcut, new MdbRouteInterceptor(mdb::getObject));
        advisor.setOrder(ROUTE_ADVISOR_ORDER);
        return advisor;
    }

    @Bean
    public static JdbcTranslatorPostProcessor mdbJdbcTranslatorPostProcessor() {
        return new JdbcTranslatorPostProcessor();
    }

    @Bean
    public PersistenceExceptionTranslator mdbPersistenceExceptionTranslator() {
        return new MdbPersistenceExceptionTranslator();
    }

    /** Spring Boot applies a single {@code TaskDecorator} bean to its {@code ThreadPoolTaskExecutor} ({@code @Async}). */
    @Bean
    @ConditionalOnMissingBean(TaskDecorator.class)
    public TaskDecorator mdbTaskDecorator(Mdb mdb) {
        return mdb.router()::decorate;
    }

    /** {@link MdbMetrics} on the application's {@code MeterRegistry}: listener, pool customizer and replica gauges. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class MetricsConfiguration {
        @Bean
        @ConditionalOnMissingBean
        MdbMetrics mdbMetrics(MeterRegistry registry) {
            return new MdbMetrics(registry);
        }

        @Bean
        SmartInitializingSingleton mdbReplicaGauges(MdbMetrics metrics, ObjectProvider<Mdb> mdb) {
            return () -> mdb.ifAvailable(metrics::bindReplicas);
        }
    }
}
