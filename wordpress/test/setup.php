<?php
/*
 * Installs the throwaway WordPress as its install page would: a site whose
 * language is the default en-US, an administrator and an author (who, as on
 * every WordPress, may not post unfiltered HTML). Run with php-cli before the
 * browser test; prints nothing on success.
 */
$_SERVER['WORDPRESS_CONFIG'] = getenv('LAPOR_WP_CONFIG');
$_SERVER['HTTP_HOST'] = getenv('LAPOR_WP_HOST');
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require ABSPATH . 'wp-admin/includes/upgrade.php';
add_filter('pre_wp_mail', '__return_false'); // no welcome email: this machine sends none
wp_install('Sekolah Contoh', 'admin', 'admin@sekolah.test', true, '', getenv('LAPOR_WP_PASSWORD'));
update_option('permalink_structure', '/%postname%/');
wp_insert_user(['user_login' => 'author', 'user_pass' => getenv('LAPOR_WP_PASSWORD'), 'user_email' => 'author@sekolah.test', 'role' => 'author']);
