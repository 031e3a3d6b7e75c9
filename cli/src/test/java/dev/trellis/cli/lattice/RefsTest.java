package dev.trellis.cli.lattice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefsTest {
  @Test
  void tellsRelativePathsFromRegistryReferences() {
    assertThat(Refs.isRelativePath("echo.wasm")).isTrue();
    assertThat(Refs.isRelativePath("./echo")).isTrue();
    assertThat(Refs.isRelativePath("../x/echo.par.gz")).isTrue();
    assertThat(Refs.isRelativePath("actors/wasm-corpus/echo-rust.wasm")).isTrue();
    assertThat(Refs.isRelativePath("wasmcloud.azurecr.io/echo:0.3.4")).isFalse();
    assertThat(Refs.isRelativePath("localhost:5000/echo:1")).isFalse();
    assertThat(Refs.isRelativePath("/abs/echo.wasm")).isFalse();
    assertThat(Refs.isRelativePath("file:///abs/echo.wasm")).isFalse();
    assertThat(Refs.isRelativePath("VAG3QITQQ2ODAOWB5TTQSDJ53XK3SHBEIFNK4AYJ5RKAX2UNSCAPKA5M"))
        .isFalse();
  }
}
