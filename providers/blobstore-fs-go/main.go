// Command blobstore-fs is a wasmcloud:blobstore capability provider that stores each link's
// containers and objects under the directory named by the link value ROOT.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	provider "trellis.dev/provider-sdk-go"
	"trellis.dev/providers/blobstore-fs-go/blobfs"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := provider.Run(ctx, blobfs.New()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
