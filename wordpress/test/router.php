<?php
/*
 * The PHP built-in server's router for a throwaway WordPress: every request
 * runs Debian's WordPress with this run's configuration (WORDPRESS_CONFIG
 * names /etc/wordpress/config-<name>.php), and /wp-content/ is this run's
 * own folder, so that nothing of the machine's WordPress is touched.
 */
$_SERVER['WORDPRESS_CONFIG'] = getenv('LAPOR_WP_CONFIG');
$root    = rtrim($_SERVER['DOCUMENT_ROOT'], '/');
$content = getenv('LAPOR_WP_CONTENT');
$path    = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if (str_contains($path, '..')) {
    http_response_code(400);
    return true;
}

$file = str_starts_with($path, '/wp-content/') ? $content . substr($path, strlen('/wp-content')) : $root . $path;
if (is_dir($file)) {
    $file = rtrim($file, '/') . '/index.php';
}
if (is_file($file) && !str_ends_with($file, '.php')) {
    $types = ['js' => 'text/javascript', 'css' => 'text/css', 'svg' => 'image/svg+xml', 'png' => 'image/png',
        'woff2' => 'font/woff2', 'json' => 'application/json'];
    header('Content-Type: ' . ($types[pathinfo($file, PATHINFO_EXTENSION)] ?? 'application/octet-stream'));
    readfile($file);
    return true;
}
if (!is_file($file)) {
    $file = $root . '/index.php'; // a pretty permalink
}
$_SERVER['SCRIPT_FILENAME'] = $file;
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = str_starts_with($file, $root) ? substr($file, strlen($root)) : '/index.php';
chdir(dirname($file));
require $file;
