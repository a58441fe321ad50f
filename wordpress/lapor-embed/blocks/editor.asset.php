<?php
// The editor script's dependencies, as WordPress reads them for block.json's "file:" scripts.
return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components' ),
	'version'      => '0.1.0',
);
