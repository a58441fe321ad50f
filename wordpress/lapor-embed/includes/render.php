<?php
/**
 * The elements as the page gets them: <lapor-form> and <lapor-tracker> with
 * the hub, the site key and the language from the settings, each attribute
 * checked and escaped, and a <noscript> link to the hub's own form page for
 * visitors without JavaScript. Nothing inline for a minifier or a combining
 * cache plugin to break: the configuration travels in the attributes.
 *
 * @package LaporEmbed
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const LAPOR_EMBED_KINDS = array( 'pengaduan', 'aspirasi', 'informasi' );

/**
 * [lapor_form site="…" institution="…" category="…" kind="…" lock_institution="1" tracker_url="…" lang="…"]
 *
 * @param array|string $atts The shortcode's attributes.
 */
function lapor_embed_form_shortcode( $atts ) {
	$atts = is_array( $atts ) ? $atts : array();
	// A bare `lock_institution` arrives as a positional value.
	$lock = in_array( 'lock_institution', $atts, true ) || ! empty( $atts['lock_institution'] );
	$atts = shortcode_atts(
		array(
			'site'        => null,
			'institution' => '',
			'category'    => '',
			'kind'        => '',
			'tracker_url' => '',
			'lang'        => '',
		),
		$atts,
		'lapor_form'
	);
	return lapor_embed_form( $atts + array( 'lock_institution' => $lock ) );
}

/** [lapor_tracker tracking_id="…" lang="…"] */
function lapor_embed_tracker_shortcode( $atts ) {
	$atts = shortcode_atts(
		array(
			'tracking_id' => '',
			'lang'        => '',
		),
		is_array( $atts ) ? $atts : array(),
		'lapor_tracker'
	);
	return lapor_embed_tracker( $atts );
}

/** The form block: its attributes are the shortcode's, in camelCase. */
function lapor_embed_form_block( $attributes ) {
	return lapor_embed_form(
		array(
			'site'             => $attributes['site'] ?? null,
			'institution'      => $attributes['institution'] ?? '',
			'category'         => $attributes['category'] ?? '',
			'kind'             => $attributes['kind'] ?? '',
			'lock_institution' => ! empty( $attributes['lockInstitution'] ),
			'tracker_url'      => $attributes['trackerUrl'] ?? '',
			'lang'             => '',
		)
	);
}

function lapor_embed_tracker_block( $attributes ) {
	return lapor_embed_tracker( array( 'tracking_id' => '', 'lang' => '' ) );
}

/** The form, or a note to the site's editors when the hub is not configured yet. */
function lapor_embed_form( array $atts ) {
	$settings = lapor_embed_settings();
	if ( '' === $settings['hub'] ) {
		return lapor_embed_not_configured();
	}
	$site = null === $atts['site'] ? $settings['site'] : (string) $atts['site'];
	$attributes = array(
		'hub'         => $settings['hub'],
		'site'        => lapor_embed_is_key( $site ) ? $site : '',
		'institution' => lapor_embed_is_key( $atts['institution'] ) ? $atts['institution'] : '',
		'category'    => lapor_embed_is_key( $atts['category'] ) ? $atts['category'] : '',
		'kind'        => in_array( $atts['kind'], LAPOR_EMBED_KINDS, true ) ? $atts['kind'] : '',
		'tracker-url' => $atts['tracker_url'] ? esc_url_raw( $atts['tracker_url'], array( 'http', 'https' ) ) : '',
		'lang'        => lapor_embed_language( $atts['lang'], $settings ),
	);
	lapor_embed_needs_script( 'form', $attributes['lang'] );
	$fallback = add_query_arg(
		array_filter(
			array(
				'site'        => $attributes['site'],
				'institution' => $attributes['institution'],
				'category'    => $attributes['category'],
				'lang'        => $attributes['lang'],
			)
		),
		$settings['hub'] . 'lapor/'
	);
	$label = 'en' === $attributes['lang'] ? 'File a report on the complaint page' : 'Buat laporan di halaman pengaduan';
	return sprintf(
		'<lapor-form%s%s><noscript><a href="%s">%s</a></noscript></lapor-form>',
		lapor_embed_attributes( $attributes ),
		$atts['lock_institution'] && $attributes['institution'] ? ' lock-institution' : '',
		esc_url( $fallback ),
		esc_html( $label )
	);
}

function lapor_embed_tracker( array $atts ) {
	$settings = lapor_embed_settings();
	if ( '' === $settings['hub'] ) {
		return lapor_embed_not_configured();
	}
	$tracking_id = preg_match( '/^[A-Za-z0-9 -]{1,30}$/', (string) $atts['tracking_id'] ) ? $atts['tracking_id'] : '';
	$attributes  = array(
		'hub'         => $settings['hub'],
		'tracking-id' => $tracking_id,
		'lang'        => lapor_embed_language( $atts['lang'], $settings ),
	);
	lapor_embed_needs_script( 'tracker', $attributes['lang'] );
	$label = 'en' === $attributes['lang'] ? 'Look a report up on the complaint hub' : 'Lacak laporan di hub pengaduan';
	return sprintf(
		'<lapor-tracker%s><noscript><a href="%s">%s</a></noscript></lapor-tracker>',
		lapor_embed_attributes( $attributes ),
		esc_url( $settings['hub'] . 'lacak/' ),
		esc_html( $label )
	);
}

/** `lang` from the shortcode, else the setting; '' follows the page. */
function lapor_embed_language( $lang, array $settings ) {
	if ( in_array( $lang, array( 'id', 'en' ), true ) ) {
		return $lang;
	}
	return 'page' === $settings['language'] ? '' : $settings['language'];
}

/** ` name="value"` for each attribute with a value, escaped. */
function lapor_embed_attributes( array $attributes ) {
	$html = '';
	foreach ( $attributes as $name => $value ) {
		if ( '' !== $value ) {
			$html .= sprintf( ' %s="%s"', $name, esc_attr( $value ) );
		}
	}
	return $html;
}

/** Visitors see nothing of an unconfigured form; the site's editors see what to do. */
function lapor_embed_not_configured() {
	if ( ! current_user_can( 'edit_posts' ) ) {
		return '';
	}
	return sprintf(
		'<p><strong>LAPOR!:</strong> %s</p>',
		esc_html__( 'set the hub\'s address under Settings → LAPOR! to show the form here.', 'lapor-embed' )
	);
}
