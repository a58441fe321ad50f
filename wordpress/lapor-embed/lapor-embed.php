<?php
/**
 * Plugin Name:       LAPOR! Embed
 * Description:       The SP4N-LAPOR! complaint form and tracker on your site, by shortcode or block: [lapor_form] and [lapor_tracker]. Reports go through your lapor-embed hub into SP4N-LAPOR!.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       lapor-embed
 *
 * WordPress removes a pasted <script> and <lapor-form> from the content of
 * every user without the unfiltered_html capability (authors, and everyone
 * but super admins on Multisite). A shortcode or block is stored as text and
 * turned into the elements when the page is shown, so it survives that
 * filter; the module script is added once per page, from the hub configured
 * under Settings → LAPOR!.
 *
 * @package LaporEmbed
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'LAPOR_EMBED_DIR', __DIR__ );

require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/script.php';

add_action( 'init', 'lapor_embed_register' );

/** The shortcodes and the blocks. */
function lapor_embed_register() {
	// One editor script for both blocks: loaded once, it registers both.
	$asset = require __DIR__ . '/blocks/editor.asset.php';
	wp_register_script( 'lapor-embed-editor', plugins_url( 'blocks/editor.js', __FILE__ ), $asset['dependencies'], $asset['version'], true );
	add_shortcode( 'lapor_form', 'lapor_embed_form_shortcode' );
	add_shortcode( 'lapor_tracker', 'lapor_embed_tracker_shortcode' );
	register_block_type( __DIR__ . '/blocks/form', array( 'render_callback' => 'lapor_embed_form_block' ) );
	register_block_type( __DIR__ . '/blocks/tracker', array( 'render_callback' => 'lapor_embed_tracker_block' ) );
}
