# cmake -DPROGRAM=P -DARGUMENT=A -DOUTPUT=F -P run-to-file.cmake: runs 'P A' and writes what it
# prints to F (for files the programs print about themselves: man pages, completion).
execute_process(COMMAND "${PROGRAM}" "${ARGUMENT}" OUTPUT_FILE "${OUTPUT}.part"
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    file(REMOVE "${OUTPUT}.part")
    message(FATAL_ERROR "${PROGRAM} ${ARGUMENT} failed (${result})")
endif()
file(RENAME "${OUTPUT}.part" "${OUTPUT}")
