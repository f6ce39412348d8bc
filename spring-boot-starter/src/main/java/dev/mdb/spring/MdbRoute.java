package dev.mdb.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated method (or every public method of the annotated class) inside {@code
 * mdb.router().connectedTo(route)}: Rails' {@code connected_to(role:, shard:, prevent_writes:)} as an annotation. A
 * method's annotation wins over its class's. Applied by a Spring AOP advisor, so only calls through the bean's proxy
 * are routed (not calls on {@code this}); it runs outside {@code @Transactional}, so the transaction starts on the
 * route.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface MdbRoute {
    /** The role, e.g. {@code reading} or {@code writing}; empty keeps the enclosing role. */
    String role() default "reading";

    /** The shard; empty keeps the enclosing shard. */
    String shard() default "";

    /** Prevents writes on the route (a reading role always does). */
    boolean preventWrites() default false;

    /** The database group the route applies to; empty: every group (Rails' {@code connected_to}). */
    String database() default "";
}
