package org.vaekit.ui;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.impl.VertxInternal;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.deeplearning4j.ui.VertxUIServer;

/**
 * DL4J's UI server listening on one interface. {@link VertxUIServer} calls {@code listen(port)}, which Vert.x
 * 3.9 binds to 0.0.0.0 whatever the server options say; this verticle hands it a Vert.x whose HTTP servers
 * listen on {@code host} instead. Everything else (routes, modules, storage routing) is DL4J's own.
 */
final class BoundUiServer extends VertxUIServer {
    private final String host;

    BoundUiServer(String host) {
        this.host = host;
    }

    @Override
    public void init(Vertx vertx, Context context) {
        super.init(boundTo((VertxInternal) vertx, host), context);
    }

    /** {@code vertx} with {@code createHttpServer()} returning servers that listen on {@code host}. */
    private static Vertx boundTo(VertxInternal vertx, String host) {
        return (Vertx) Proxy.newProxyInstance(BoundUiServer.class.getClassLoader(),
                vertx.getClass().getInterfaces(), (proxy, method, args) -> {
                    if (method.getName().equals("createHttpServer") && method.getParameterCount() == 0) {
                        return new HostServer(vertx, host);
                    }
                    try {
                        return method.invoke(vertx, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** An HTTP server whose {@code listen(port)} listens on a given host. */
    private static final class HostServer extends HttpServerImpl {
        private final String host;

        HostServer(VertxInternal vertx, String host) {
            super(vertx, new HttpServerOptions().setHost(host));
            this.host = host;
        }

        @Override
        public HttpServer listen(int port, Handler<AsyncResult<HttpServer>> listenHandler) {
            return listen(port, host, listenHandler);
        }
    }
}
