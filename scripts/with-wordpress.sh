#!/usr/bin/env bash
# Runs a command beside a throwaway WordPress: Debian's wordpress package on
# PHP's built-in server, a MariaDB server of its own, a fresh wp-content
# folder, and a configuration under /etc/wordpress named for this run alone
# (Debian's WordPress reads it from there; removed after). Exports WP_URL
# (http://wp.lapor.test:PORT; the browser maps that name to this machine) and
# WP_PASSWORD (of the users admin and author).
# Needs: apt-get install wordpress wordpress-theme-twentytwentythree mariadb-server php-cli php-mysql,
# and write access to /etc/wordpress.
set -euo pipefail

if [[ ! -f /usr/share/wordpress/wp-settings.php ]] || ! command -v mariadbd >/dev/null && [[ ! -x /usr/sbin/mariadbd ]]; then
  echo "No WordPress or MariaDB: apt-get install wordpress wordpress-theme-twentytwentythree mariadb-server php-cli php-mysql" >&2
  exit 1
fi
if [[ ! -w /etc/wordpress ]]; then
  echo "Debian's WordPress reads its configuration from /etc/wordpress, which this user cannot write." >&2
  exit 1
fi

here=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d -t lapor-wp-XXXXXX)
name="lapor-test-$(basename "$dir" | tr -dc 'a-zA-Z0-9')"
config="/etc/wordpress/config-$name.php"
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
port=$(free_port)
host="wp.lapor.test:$port"
password="lapor-$(node -e "console.log(require('crypto').randomBytes(9).toString('base64url'))")"

cleanup() {
  [[ -n "${php_pid:-}" ]] && kill "$php_pid" 2>/dev/null || true
  [[ -n "${db_pid:-}" ]] && kill "$db_pid" 2>/dev/null && wait "$db_pid" 2>/dev/null || true
  rm -f "$config"
  rm -rf "$dir"
}
trap cleanup EXIT

# MariaDB on a socket of its own, no network, root without a password: it lives as long as this script.
mariadb-install-db --no-defaults --datadir="$dir/db" --auth-root-authentication-method=normal \
  --skip-test-db --user="$(id -un)" >"$dir/db-install.log" 2>&1
/usr/sbin/mariadbd --no-defaults --datadir="$dir/db" --socket="$dir/db.sock" --pid-file="$dir/db.pid" \
  --skip-networking --user="$(id -un)" --innodb-flush-log-at-trx-commit=0 >"$dir/db.log" 2>&1 &
db_pid=$!
for _ in $(seq 100); do [[ -S "$dir/db.sock" ]] && break; sleep 0.1; done
mariadb --no-defaults --socket="$dir/db.sock" -uroot -e 'CREATE DATABASE wordpress'

mkdir -p "$dir/wp-content/plugins" "$dir/wp-content/themes" "$dir/wp-content/uploads"
ln -s /usr/share/wordpress/wp-content/themes/twentytwentythree "$dir/wp-content/themes/"
salt() { node -e "console.log(require('crypto').randomBytes(32).toString('hex'))"; }
cat >"$config" <<PHP
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:$dir/db.sock');
define('WP_HOME', 'http://$host');
define('WP_SITEURL', 'http://$host');
define('WP_CONTENT_DIR', '$dir/wp-content');
define('WP_CONTENT_URL', 'http://$host/wp-content');
define('FS_METHOD', 'direct');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTH_KEY', '$(salt)');
define('SECURE_AUTH_KEY', '$(salt)');
define('LOGGED_IN_KEY', '$(salt)');
define('NONCE_KEY', '$(salt)');
define('AUTH_SALT', '$(salt)');
define('SECURE_AUTH_SALT', '$(salt)');
define('LOGGED_IN_SALT', '$(salt)');
define('NONCE_SALT', '$(salt)');
PHP

export LAPOR_WP_CONFIG="$name" LAPOR_WP_CONTENT="$dir/wp-content" LAPOR_WP_HOST="$host" LAPOR_WP_PASSWORD="$password"
php "$here/wordpress/test/setup.php"
php -S "127.0.0.1:$port" -t /usr/share/wordpress "$here/wordpress/test/router.php" >"$dir/php.log" 2>&1 &
php_pid=$!
# Ready once the port takes a connection (bash's /dev/tcp: a fresh machine may have no curl).
for _ in $(seq 100); do (: <"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

export WP_URL="http://$host" WP_PASSWORD="$password"
echo "WordPress $(php -r 'include "/usr/share/wordpress/wp-includes/version.php"; echo $wp_version;') at $WP_URL (MariaDB $(mariadbd --version 2>/dev/null | awk '{print $3}'))"
"$@"
