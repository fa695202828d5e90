import Foundation
import LabgenCLI
import LabgenCore

MallocArenas.onePerCore()

exit(Labgen.run(Array(CommandLine.arguments.dropFirst()), in: .process()))
