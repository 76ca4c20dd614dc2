package com.partpal.db.adapters.files.s3;

import com.partpal.db.domain.BadInputException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * An S3 client configured the standard AWS way: credentials and region from the default chain (AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, AWS_PROFILE and ~/.aws, instance roles; AWS_REGION), and for a store
 * that is not AWS (MinIO, R2, B2, Ceph) AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL with path-style access. The JDK's
 * HTTP client keeps Netty and Apache out of the process.
 *
 * @param endpoint what messages name: the endpoint given (without any user part), or "AWS S3"
 */
public record S3Connection(S3Client client, String endpoint) {
    private static final Region FALLBACK_REGION = Region.US_EAST_1;

    public static S3Connection fromEnvironment() {
        return from(System.getenv());
    }

    static S3Connection from(Map<String, String> env) {
        String endpoint = first(env.get("AWS_ENDPOINT_URL_S3"), env.get("AWS_ENDPOINT_URL"),
                System.getProperty("aws.endpointUrl"));
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(120)).build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(Duration.ofMinutes(10)).build())
                // the SDK's default trailing checksums (aws-chunked) are not understood by every S3-compatible
                // store; parts carry Content-MD5 and whole objects are read back and hashed instead
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // plain bodies: not every S3-compatible store decodes aws-chunked uploads
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .region(region());
        String shown = "AWS S3";
        if (endpoint != null) {
            URI uri;
            try {
                uri = URI.create(endpoint.strip());
            } catch (IllegalArgumentException e) {
                throw new BadInputException("AWS_ENDPOINT_URL is not a URL (http://host:port)");
            }
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new BadInputException("AWS_ENDPOINT_URL is not a URL (http://host:port)");
            }
            shown = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            builder.endpointOverride(URI.create(shown)).forcePathStyle(true);
        } else {
            builder.crossRegionAccessEnabled(true);
        }
        return new S3Connection(builder.build(), shown);
    }

    private static Region region() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            // S3-compatible stores mostly ignore the region; AWS redirects to the bucket's own (cross-region access)
            return FALLBACK_REGION;
        }
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
