package dev.mdb.spring.internal;

import dev.mdb.runtime.ConnectionRouter;
import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.Route;
import dev.mdb.runtime.RouteBinding;
import dev.mdb.spring.MdbRoute;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Runs an invocation inside the {@link RouteBinding} its {@link MdbRoute} asks for: the method's annotation, else its
 * class's. The binding of each method is worked out once.
 */
public final class MdbRouteInterceptor implements MethodInterceptor {
    private final Supplier<Mdb> mdb;
    private final Map<Method, Optional<RouteBinding>> bindings = new ConcurrentHashMap<>();

    /** {@code mdb} is looked up on first use, so the advisor does not create the pools when proxies are made. */
    public MdbRouteInterceptor(Supplier<Mdb> mdb) {
        this.mdb = mdb;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Class<?> target = invocation.getThis() == null ? null : AopUtils.getTargetClass(invocation.getThis());
        Method method = AopUtils.getMostSpecificMethod(invocation.getMethod(), target);
        Optional<RouteBinding> binding = bindings.computeIfAbsent(method, m -> bindingFor(m, target));
        if (binding.isEmpty()) {
            return invocation.proceed();
        }
        return binding.get().with(() -> proceed(invocation));
    }

    private static Object proceed(MethodInvocation invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new UndeclaredThrowableException(t);
        }
    }

    private Optional<RouteBinding> bindingFor(Method method, Class<?> target) {
        MdbRoute route = AnnotatedElementUtils.findMergedAnnotation(method, MdbRoute.class);
        if (route == null) {
            Class<?> type = target != null ? target : method.getDeclaringClass();
            route = AnnotatedElementUtils.findMergedAnnotation(type, MdbRoute.class);
        }
        return Optional.ofNullable(route).map(this::binding);
    }

    private RouteBinding binding(MdbRoute annotation) {
        Route route = new Route(null, null, null);
        if (!annotation.role().isEmpty()) {
            route = route.withRole(annotation.role());
        }
        if (!annotation.shard().isEmpty()) {
            route = route.withShard(annotation.shard());
        }
        if (annotation.preventWrites()) {
            route = route.preventWrites();
        }
        ConnectionRouter router = mdb.get().router();
        return annotation.database().isEmpty()
                ? router.connectedTo(route)
                : router.database(annotation.database()).connectedTo(route);
    }
}
