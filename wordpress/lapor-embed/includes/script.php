<?php
/**
 * The hub's module script, added once, at the end of the page, only to pages
 * that show an element: lapor-form.js or lapor-tracker.js for one of them,
 * lapor.js for both (two one-element bundles would each bring Lit); when
 * every element on the page speaks English, the English bundle of the same
 * (lapor-form.en.js, …), whose texts are compiled in.
 *
 * The tag is written here rather than by WordPress's own printer, which in
 * 6.1 knows no type="module"; it carries the attributes by which common
 * optimisation plugins (Autoptimize, LiteSpeed Cache, WP Rocket, Cloudflare's
 * Rocket Loader) leave a script alone, since a module moved into a combined
 * file, or deferred by a loader, would no longer define the elements.
 *
 * @package LaporEmbed
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Records that the page shows an element, and in which language.
 *
 * @param string $element 'form' or 'tracker'.
 * @param string $lang    'id', 'en', or '' for the page's own.
 */
function lapor_embed_needs_script( $element, $lang ) {
	global $lapor_embed_elements;
	$lapor_embed_elements               = is_array( $lapor_embed_elements ) ? $lapor_embed_elements : array();
	$lapor_embed_elements[ $element ][] = $lang;
}

add_action( 'wp_footer', 'lapor_embed_print_script', 5 );

function lapor_embed_print_script() {
	global $lapor_embed_elements;
	$settings = lapor_embed_settings();
	if ( empty( $lapor_embed_elements ) || '' === $settings['hub'] ) {
		return;
	}
	$bundle    = count( $lapor_embed_elements ) > 1 ? 'lapor' : ( isset( $lapor_embed_elements['form'] ) ? 'lapor-form' : 'lapor-tracker' );
	$languages = array_unique( array_merge( ...array_values( $lapor_embed_elements ) ) );
	$bundle   .= array( 'en' ) === $languages ? '.en.js' : '.js';
	printf(
		'<script type="module" src="%s" id="lapor-embed-js" data-no-optimize="1" data-no-minify="1" data-cfasync="false" data-noptimize="1" nowprocket></script>' . "\n",
		esc_url( $settings['hub'] . 'widget/' . $bundle )
	);
}
