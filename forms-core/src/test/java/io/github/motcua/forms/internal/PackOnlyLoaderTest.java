package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.InvalidSchemaException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The validator's own loader refuses anything but pack ids, independently of the load-time $ref check. */
class PackOnlyLoaderTest {
    @Test
    void getSchemaResource_httpIri_refusedWithoutConnecting() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(300);
            ValidationEngine.PackOnlyLoader loader = new ValidationEngine.PackOnlyLoader(Set.of("urn:motcua:forms:common"), id -> null);
            assertThrows(InvalidSchemaException.class,
                    () -> loader.getSchemaResource(AbsoluteIri.of("http://127.0.0.1:" + server.getLocalPort() + "/x.json")));
            int accepted = 0;
            try (Socket s = server.accept()) {
                accepted = s.isConnected() ? 1 : 0;
            } catch (SocketTimeoutException expected) {
                // nothing connected
            }
            assertEquals(0, accepted);
        }
    }

    @Test
    void getSchemaResource_classpathIriOfAPackId_neverReadFromClasspath() {
        ValidationEngine.PackOnlyLoader loader = new ValidationEngine.PackOnlyLoader(Set.of("classpath:draft/2020-12/schema"), id -> null);
        assertNull(loader.getSchemaResource(AbsoluteIri.of("classpath:draft/2020-12/schema")));
    }
}
