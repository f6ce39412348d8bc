package dev.mdb.runtime.internal;

import dev.mdb.runtime.MdbListener;
import dev.mdb.runtime.ResolvedTarget;
import dev.mdb.runtime.TargetState;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the runtime reports its decisions: to the {@link MdbListener}s of the {@code Mdb} and as JFR events (created
 * only when a recording enables them). A listener that throws is logged once and otherwise ignored.
 */
public final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);
    /** No listeners: JFR events only. */
    public static final Events NONE = new Events(List.of());

    private final List<MdbListener> listeners;
    private final AtomicBoolean warned = new AtomicBoolean();

    public Events(List<MdbListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public void routeResolved(ResolvedTarget target) {
        RouteResolved event = new RouteResolved();
        if (event.isEnabled()) {
            event.group = target.group();
            event.shard = target.shard().toString();
            event.role = target.role().toString();
            event.entry = target.entry();
            event.reason = target.reason().label();
            event.writesPrevented = target.writesPrevented();
            event.commit();
        }
        tell(listener -> listener.routeResolved(target));
    }

    public void writeRefused(ResolvedTarget target, String statement) {
        WriteRefused event = new WriteRefused();
        if (event.isEnabled()) {
            event.group = target.group();
            event.shard = target.shard().toString();
            event.role = target.role().toString();
            event.entry = target.entry();
            event.statement = statement;
            event.commit();
        }
        tell(listener -> listener.writeRefused(target, statement));
    }

    public void replicaStateChanged(String replica, TargetState from, TargetState to, String detail) {
        ReplicaState event = new ReplicaState();
        if (event.isEnabled()) {
            event.replica = replica;
            event.from = from.label();
            event.to = to.label();
            event.detail = detail;
            event.commit();
        }
        tell(listener -> listener.replicaStateChanged(replica, from, to, detail));
    }

    /** A probe's lag figures (JFR only: listeners read lag from {@code Replicas.status}). */
    public static void replicaLag(String replica, Double seconds, Long bytes) {
        ReplicaLag event = new ReplicaLag();
        if (event.isEnabled()) {
            event.replica = replica;
            event.lagSeconds = seconds == null ? Double.NaN : seconds;
            event.lagBytes = bytes == null ? -1 : bytes;
            event.commit();
        }
    }

    public void scopeLeaked() {
        tell(MdbListener::scopeLeaked);
    }

    /** Calls every listener; one that throws is logged (once) and the others still hear. */
    private void tell(Consumer<MdbListener> call) {
        if (listeners.isEmpty()) {
            return;
        }
        for (MdbListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                failed(listener, e);
            }
        }
    }

    private void failed(MdbListener listener, RuntimeException e) {
        if (warned.compareAndSet(false, true)) {
            LOG.warn("mdb listener {} threw (ignored; logged once): {}", listener, e.toString());
        }
    }

    /** One per statement that picks a physical connection: off unless a recording enables it. */
    @Name("dev.mdb.RouteResolved")
    @Label("Route resolved")
    @Category({"mdb", "Routing"})
    @Description("A logical connection picked its physical target")
    @StackTrace(false)
    @Enabled(false)
    static final class RouteResolved extends Event {
        @Label("Group")
        String group;

        @Label("Shard")
        String shard;

        @Label("Role")
        String role;

        @Label("Entry")
        String entry;

        @Label("Reason")
        String reason;

        @Label("Writes prevented")
        boolean writesPrevented;
    }

    @Name("dev.mdb.WriteRefused")
    @Label("Write refused")
    @Category({"mdb", "Routing"})
    @Description("The write guard refused a statement")
    static final class WriteRefused extends Event {
        @Label("Group")
        String group;

        @Label("Shard")
        String shard;

        @Label("Role")
        String role;

        @Label("Entry")
        String entry;

        @Label("Statement")
        String statement;
    }

    @Name("dev.mdb.ReplicaState")
    @Label("Replica state changed")
    @Category({"mdb", "Replicas"})
    @StackTrace(false)
    static final class ReplicaState extends Event {
        @Label("Replica")
        String replica;

        @Label("From")
        String from;

        @Label("To")
        String to;

        @Label("Detail")
        String detail;
    }

    @Name("dev.mdb.ReplicaLag")
    @Label("Replica lag")
    @Category({"mdb", "Replicas"})
    @StackTrace(false)
    static final class ReplicaLag extends Event {
        @Label("Replica")
        String replica;

        @Label("Lag (s)")
        double lagSeconds;

        @Label("Lag (bytes)")
        long lagBytes;
    }
}
