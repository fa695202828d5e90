import Foundation
import LabgenCLI
import LabgenCore

MallocTuning.apply()

exit(Labgen.run(Array(CommandLine.arguments.dropFirst()), in: .process()))
