/**
 * The SSH settings the station's upload client and the back office's SFTP drop share, so both speak
 * what a stock OpenSSH client or server speaks.
 */
package io.shipready.output.ssh;
