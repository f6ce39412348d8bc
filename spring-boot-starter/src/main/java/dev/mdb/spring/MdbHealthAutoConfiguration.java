package dev.mdb.spring;

import dev.mdb.runtime.Mdb;
import dev.mdb.spring.internal.MdbHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The {@code mdb} health contributor (spring-boot-actuator): one detail per replica; see {@link MdbHealthIndicator} for
 * the status rule. Off with {@code management.health.mdb.enabled=false}.
 */
@AutoConfiguration(
        after = MdbAutoConfiguration.class,
        beforeName = "org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(Mdb.class)
@ConditionalOnProperty(prefix = "management.health.mdb", name = "enabled", matchIfMissing = true)
public class MdbHealthAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean(name = "mdbHealthIndicator")
    public HealthIndicator mdbHealthIndicator(Mdb mdb) {
        return new MdbHealthIndicator(mdb);
    }
}
