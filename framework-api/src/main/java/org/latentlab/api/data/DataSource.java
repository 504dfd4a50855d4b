package org.latentlab.api.data;

/**
 * A file (or resource) a data set was read from, for the provenance record.
 *
 * @param location path or resource name
 * @param sha256   hex SHA-256 of the bytes as stored
 * @param bytes    size in bytes
 */
public record DataSource(String location, String sha256, long bytes) {}
