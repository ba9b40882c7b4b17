/**
 * The back office: one process that receives the factories' files over SFTP, validates and ingests
 * them into the store, and serves the provisioning API that registers and provisions units in bulk.
 */
package io.shipready.backoffice;
