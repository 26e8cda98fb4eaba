// SwiftPM gives an executable its own `main`, which would shadow libFuzzer's: this one hands
// the command line to libFuzzer's driver instead (-max_total_time, the corpus folder, …).
import Foundation

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
               _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runDriver(&argc, &argv) { fuzz($0, $1) })
