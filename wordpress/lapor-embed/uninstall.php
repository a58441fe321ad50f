<?php
/**
 * Removing the plugin removes its settings; reports live on the hub.
 *
 * @package LaporEmbed
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}
delete_option( 'lapor_embed' );
