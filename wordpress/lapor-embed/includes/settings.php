<?php
/**
 * Settings → LAPOR!: the hub's address, the site key the hub's operator gave
 * for this website, and the language of the form (Indonesian unless chosen
 * otherwise: a default WordPress says lang="en-US", which would give every
 * Indonesian visitor the English form).
 *
 * @package LaporEmbed
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const LAPOR_EMBED_OPTION = 'lapor_embed';

/** The settings, with their defaults. */
function lapor_embed_settings() {
	$saved = get_option( LAPOR_EMBED_OPTION, array() );
	return wp_parse_args(
		is_array( $saved ) ? $saved : array(),
		array(
			'hub'      => '',
			'site'     => '',
			'language' => 'id',
		)
	);
}

add_action( 'admin_init', 'lapor_embed_register_settings' );
add_action( 'admin_menu', 'lapor_embed_settings_menu' );

function lapor_embed_register_settings() {
	register_setting(
		'lapor_embed',
		LAPOR_EMBED_OPTION,
		array(
			'type'              => 'array',
			'sanitize_callback' => 'lapor_embed_sanitize_settings',
			'default'           => array(),
		)
	);
}

/**
 * Keeps only what the elements can use: an http(s) hub address ending in a
 * slash, a site key of the hub's alphabet, one of the three language choices.
 * A value that is not kept is reported on the settings page, never silently
 * replaced.
 *
 * @param mixed $input The submitted settings.
 */
function lapor_embed_sanitize_settings( $input ) {
	$input   = is_array( $input ) ? $input : array();
	$current = lapor_embed_settings();
	$clean   = $current;

	$hub = trim( (string) ( $input['hub'] ?? '' ) );
	if ( '' === $hub ) {
		$clean['hub'] = '';
	} elseif ( preg_match( '#^https?://[^\s/?\#]+(/[^\s?\#]*)?$#', $hub ) ) {
		$clean['hub'] = trailingslashit( esc_url_raw( $hub, array( 'http', 'https' ) ) );
	} else {
		add_settings_error( LAPOR_EMBED_OPTION, 'hub', __( 'The hub address must start with https:// (or http://), e.g. https://lapor.example.go.id/.', 'lapor-embed' ) );
	}

	$site = trim( (string) ( $input['site'] ?? '' ) );
	if ( '' === $site || lapor_embed_is_key( $site ) ) {
		$clean['site'] = $site;
	} else {
		add_settings_error( LAPOR_EMBED_OPTION, 'site', __( 'A site key holds only letters, digits, - and _, as the hub printed it, e.g. site_8JG35aPYwhRy24Ga.', 'lapor-embed' ) );
	}

	$language          = (string) ( $input['language'] ?? 'id' );
	$clean['language'] = in_array( $language, array( 'id', 'en', 'page' ), true ) ? $language : 'id';
	return $clean;
}

/** Whether a text can be a site key, an institution or a category id. */
function lapor_embed_is_key( $text ) {
	return is_string( $text ) && 1 === preg_match( '/^[A-Za-z0-9_-]{1,100}$/', $text );
}

function lapor_embed_settings_menu() {
	add_options_page( 'LAPOR!', 'LAPOR!', 'manage_options', 'lapor-embed', 'lapor_embed_settings_page' );
}

function lapor_embed_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$settings = lapor_embed_settings();
	$name     = LAPOR_EMBED_OPTION;
	?>
	<div class="wrap">
		<h1><?php esc_html_e( 'LAPOR! complaint form', 'lapor-embed' ); ?></h1>
		<p>
			<?php esc_html_e( 'Ask your lapor-embed hub\'s operator to register this website\'s address; they give you the hub\'s address and a site key. Then place [lapor_form] (or the "LAPOR! form" block) where the form should appear, and [lapor_tracker] where visitors follow their reports.', 'lapor-embed' ); ?>
		</p>
		<form method="post" action="options.php">
			<?php settings_fields( 'lapor_embed' ); ?>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="lapor-embed-hub"><?php esc_html_e( 'Hub address', 'lapor-embed' ); ?></label></th>
					<td>
						<input type="url" id="lapor-embed-hub" class="regular-text" name="<?php echo esc_attr( $name ); ?>[hub]" value="<?php echo esc_attr( $settings['hub'] ); ?>" placeholder="https://lapor.example.go.id/" aria-describedby="lapor-embed-hub-help" />
						<p class="description" id="lapor-embed-hub-help"><?php esc_html_e( 'The address of the hub your reports go through; the form\'s script is loaded from it.', 'lapor-embed' ); ?></p>
					</td>
				</tr>
				<tr>
					<th scope="row"><label for="lapor-embed-site"><?php esc_html_e( 'Site key', 'lapor-embed' ); ?></label></th>
					<td>
						<input type="text" id="lapor-embed-site" class="regular-text code" name="<?php echo esc_attr( $name ); ?>[site]" value="<?php echo esc_attr( $settings['site'] ); ?>" placeholder="site_8JG35aPYwhRy24Ga" aria-describedby="lapor-embed-site-help" />
						<p class="description" id="lapor-embed-site-help"><?php esc_html_e( 'Presets your institution and category. A shortcode may name another with site="…".', 'lapor-embed' ); ?></p>
					</td>
				</tr>
				<tr>
					<th scope="row"><label for="lapor-embed-language"><?php esc_html_e( 'Language of the form', 'lapor-embed' ); ?></label></th>
					<td>
						<select id="lapor-embed-language" name="<?php echo esc_attr( $name ); ?>[language]">
							<option value="id" <?php selected( $settings['language'], 'id' ); ?>>Bahasa Indonesia</option>
							<option value="en" <?php selected( $settings['language'], 'en' ); ?>>English</option>
							<option value="page" <?php selected( $settings['language'], 'page' ); ?>><?php esc_html_e( 'The page\'s language (the site\'s setting)', 'lapor-embed' ); ?></option>
						</select>
					</td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
	</div>
	<?php
}
