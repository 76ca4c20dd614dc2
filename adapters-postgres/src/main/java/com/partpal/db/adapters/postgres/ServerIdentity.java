package com.partpal.db.adapters.postgres;

import com.partpal.db.domain.connection.PostgresUrl;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * Which PostgreSQL database a URL reaches, however it is spelled: the server's resolved address (any address of this
 * machine, loopback included, is "this-machine"), the port and the database name. localhost, 127.0.0.1, ::1 and this
 * machine's own address are one server. Resolving may ask DNS: call it off the event loop.
 */
public final class ServerIdentity {
    private static final String THIS_MACHINE = "this-machine";

    private ServerIdentity() {
    }

    public static String of(PostgresUrl url) {
        return "postgresql " + server(url.host()) + ":" + url.port() + "/" + url.database();
    }

    /** The server's address as every spelling of it resolves; the host text (lower case) when it does not resolve. */
    static String server(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            if (Arrays.stream(addresses).anyMatch(ServerIdentity::thisMachine)) {
                return THIS_MACHINE;
            }
            return Arrays.stream(addresses).map(InetAddress::getHostAddress).min(Comparator.naturalOrder())
                    .orElse(host.toLowerCase(Locale.ROOT));
        } catch (UnknownHostException e) {
            return host.toLowerCase(Locale.ROOT);
        }
    }

    private static boolean thisMachine(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
